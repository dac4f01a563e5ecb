import 'server-only';
import { ResultCodeError, type Client, type Entry } from 'ldapts';
import { z } from 'zod';
import { attributeValues, firstAttributeValue } from './ldap-attribute';
import { escapeFilterValue } from './ldap-escape';

export interface UserEntry {
  dn: string;
  uid: string;
  name: string;
  uidNumber?: number;
}

const noSuchObject = 32;
const userAttributes = ['uid', 'cn', 'displayName', 'uidNumber'];

const userEntrySchema = z.object({
  dn: z.string().min(1),
  uid: z.string().min(1),
  name: z.string().min(1),
  uidNumber: z.coerce.number().int().nonnegative().optional(),
});

/** Reads a person's entry; `uid` is the checked login name, kept when the entry spells it otherwise. */
function toUserEntry(entry: Entry, uid: string): UserEntry {
  const stored = attributeValues(entry, 'uid').find((v) => v.toLowerCase() === uid) ?? uid;
  return userEntrySchema.parse({
    dn: entry.dn,
    uid: stored,
    name: firstAttributeValue(entry, 'displayName') ?? firstAttributeValue(entry, 'cn') ?? stored,
    uidNumber: firstAttributeValue(entry, 'uidNumber'),
  });
}

/** Search mode: the posixAccount entries whose uid is `uid` (more than one means the directory is ambiguous). */
export async function findUserEntries(client: Client, baseDn: string, uid: string): Promise<UserEntry[]> {
  const { searchEntries } = await client.search(baseDn, {
    scope: 'sub',
    filter: `(&(objectClass=posixAccount)(uid=${escapeFilterValue(uid)}))`,
    attributes: userAttributes,
    sizeLimit: 2,
  });
  return searchEntries.map((entry) => toUserEntry(entry, uid));
}

/**
 * DN-template mode: the person's own entry, read after binding as them. Null when the directory lets
 * them bind but not read it; the caller then falls back to the login name.
 */
export async function readUserEntry(client: Client, dn: string, uid: string): Promise<UserEntry | null> {
  try {
    const { searchEntries } = await client.search(dn, { scope: 'base', filter: '(objectClass=*)', attributes: userAttributes });
    const entry = searchEntries[0];
    return entry ? toUserEntry(entry, uid) : null;
  } catch (err) {
    // slapd answers "no such object" (32) for an entry the reader may not see, rather than revealing it.
    if (err instanceof ResultCodeError && err.code === noSuchObject) return null;
    throw err;
  }
}
