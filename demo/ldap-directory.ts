import ldap from 'ldapjs';
import { parseLdif } from './ldap-ldif';
import { verifySshaPassword } from './ldap-ssha';

export type SearchScope = 'base' | 'one' | 'sub';

export interface DirectoryEntry {
  dn: string;
  /** Attributes a reader may see: everything but userPassword. */
  attributes: Record<string, string[]>;
}

interface StoredEntry extends DirectoryEntry {
  key: string;
  parentKey: string | null;
  password?: string;
}

export type BindOutcome = 'bound' | 'invalid-credentials' | 'unwilling';

/** Case and spacing do not make two DNs different (`UID=Fred, ou=people` is `uid=fred,ou=people`). */
export function dnKey(dn: string): string {
  return ldap.parseDN(dn).toString().toLowerCase();
}

function parentKey(dn: string): string | null {
  const parent = ldap.parseDN(dn).parent();
  return parent && parent.length > 0 ? parent.toString().toLowerCase() : null;
}

/**
 * The demo directory in memory, with the access rules of test/ldap/slapd.conf: passwords are only ever
 * compared, the suffix entry and groups are public, people and service accounts are visible to bound
 * identities only. The shared integration suite runs against both, so the two cannot drift apart.
 */
export class DemoDirectory {
  /** The DN every entry sits under: the first entry of the LDIF. */
  readonly suffix: string;
  private readonly entries: StoredEntry[];
  private readonly suffixKey: string;
  private readonly groupsKey: string;

  constructor(ldifText: string) {
    this.entries = parseLdif(ldifText).map(({ dn, attributes }) => {
      const { userPassword, ...visible } = attributes;
      return { dn, key: dnKey(dn), parentKey: parentKey(dn), attributes: visible, password: userPassword?.[0] };
    });
    const [suffix] = this.entries;
    if (!suffix) throw new Error('the demo directory LDIF has no entry');
    this.suffix = suffix.dn;
    this.suffixKey = suffix.key;
    this.groupsKey = `ou=groups,${suffix.key}`;
  }

  /**
   * A simple bind with a DN, as slapd answers it: a DN without password is an "unauthenticated bind",
   * refused; an unknown DN, an entry without userPassword or a wrong password are all the same refusal.
   */
  bind(dn: string, password: string): BindOutcome {
    if (password === '') return 'unwilling';
    const entry = this.find(dn);
    if (!entry?.password) return 'invalid-credentials';
    return verifySshaPassword(password, entry.password) ? 'bound' : 'invalid-credentials';
  }

  /**
   * The entries under `baseDn` within `scope` that `boundDn` (null: anonymous) may read and that
   * `matches` accepts. Null when the base itself does not exist for this reader, which LDAP answers
   * "no such object" whether it is missing or hidden.
   */
  search(
    boundDn: string | null,
    baseDn: string,
    scope: SearchScope,
    matches: (attributes: Record<string, string[]>) => boolean,
  ): DirectoryEntry[] | null {
    const base = this.find(baseDn);
    if (!base || !this.canRead(boundDn, base)) return null;
    return this.entries
      .filter((entry) => this.inScope(entry, base.key, scope) && this.canRead(boundDn, entry) && matches(entry.attributes))
      .map(({ dn, attributes }) => ({ dn, attributes }));
  }

  private find(dn: string): StoredEntry | undefined {
    let key: string;
    try {
      key = dnKey(dn);
    } catch {
      // A malformed DN names no entry; the caller answers as for an unknown one.
      return undefined;
    }
    return this.entries.find((entry) => entry.key === key);
  }

  private canRead(boundDn: string | null, entry: StoredEntry): boolean {
    const isPublic = entry.key === this.suffixKey || entry.key === this.groupsKey || entry.key.endsWith(`,${this.groupsKey}`);
    return isPublic || boundDn !== null;
  }

  private inScope(entry: StoredEntry, baseKey: string, scope: SearchScope): boolean {
    if (scope === 'base') return entry.key === baseKey;
    if (scope === 'one') return entry.parentKey === baseKey;
    return entry.key === baseKey || entry.key.endsWith(`,${baseKey}`);
  }
}
