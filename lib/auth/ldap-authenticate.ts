import 'server-only';
import { ResultCodeError, type Client } from 'ldapts';
import { withDirectory } from './ldap-connection';
import { DirectoryUnavailableError, InvalidCredentialsError } from './ldap-errors';
import { escapeDnValue } from './ldap-escape';
import { findGroupNames } from './ldap-group-lookup';
import type { LdapSettings } from './ldap-settings';
import { findUserEntries, readUserEntry, type UserEntry } from './ldap-user-entry';
import { ldapUsername } from './ldap-username';

export type { LdapSettings } from './ldap-settings';

/** The person behind a successful login, as the session keeps them. */
export interface DirectoryUser {
  uid: string;
  name: string;
  uidNumber?: number;
  groups: string[];
  isStaff: boolean;
}

const invalidCredentials = 49;

function checkedUsername(username: string): string {
  const parsed = ldapUsername.safeParse(username);
  if (!parsed.success) throw new InvalidCredentialsError('invalid-username');
  return parsed.data;
}

async function bindServiceAccount(client: Client, settings: LdapSettings, bindDn: string): Promise<void> {
  try {
    await client.bind(bindDn, settings.bindPassword ?? '');
  } catch (err) {
    // The portal's own account refused is a broken installation, not the person's fault.
    if (err instanceof ResultCodeError && err.code === invalidCredentials) {
      throw new DirectoryUnavailableError(new Error('the directory refused the service account (LDAP_BIND_DN)', { cause: err }));
    }
    throw err;
  }
}

/**
 * The person's entry: searched for by the service account, or, without one, only its DN built from the
 * template (the entry is read once bound as the person).
 */
async function locateUser(client: Client, settings: LdapSettings, uid: string): Promise<{ dn: string; entry?: UserEntry }> {
  if (settings.bindDn) {
    await bindServiceAccount(client, settings, settings.bindDn);
    const found = await findUserEntries(client, settings.baseDn, uid);
    const [entry] = found;
    if (!entry) throw new InvalidCredentialsError('unknown-user');
    if (found.length > 1) throw new InvalidCredentialsError('ambiguous-user');
    return { dn: entry.dn, entry };
  }
  if (settings.userDnTemplate) return { dn: settings.userDnTemplate.replaceAll('{uid}', escapeDnValue(uid)) };
  throw new DirectoryUnavailableError(new Error('LDAP settings need a service account (bindDn) or a userDnTemplate'));
}

function staffStatus(settings: LdapSettings, groups: string[]): boolean {
  return groups.includes(settings.staffGroup.toLowerCase());
}

/**
 * Logs a person in against the directory: checks the username and password shape first (no LDAP call
 * for a malformed name or an empty password, which LDAP would take as an anonymous bind), finds the
 * entry, binds as the person, then reads their groups.
 *
 * @throws InvalidCredentialsError for a wrong password, an unknown user, an account without password
 * @throws DirectoryUnavailableError when the directory is down, too slow, or refuses TLS
 */
export async function authenticate(settings: LdapSettings, username: string, password: string): Promise<DirectoryUser> {
  const uid = checkedUsername(username);
  if (password === '') throw new InvalidCredentialsError('empty-password');
  return withDirectory(settings, async (client) => {
    const located = await locateUser(client, settings, uid);
    try {
      await client.bind(located.dn, password);
    } catch (err) {
      if (err instanceof ResultCodeError && err.code === invalidCredentials) throw new InvalidCredentialsError('bind-rejected');
      throw err;
    }
    const entry = located.entry ?? (await readUserEntry(client, located.dn, uid)) ?? { dn: located.dn, uid, name: uid };
    const groups = await findGroupNames(client, settings.baseDn, entry.uid, entry.dn);
    return { uid: entry.uid, name: entry.name, uidNumber: entry.uidNumber, groups, isStaff: staffStatus(settings, groups) };
  });
}

/**
 * Reads a signed-in person's groups again (sessions call it every few minutes, so a removal from a group
 * takes effect). Uses the service account, or an anonymous bind in DN-template mode.
 *
 * @throws InvalidCredentialsError('unknown-user') when the service account no longer finds the person:
 * the session should end
 * @throws DirectoryUnavailableError when the directory cannot answer: keep the groups already known
 */
export async function readGroups(settings: LdapSettings, uid: string): Promise<{ groups: string[]; isStaff: boolean }> {
  const checked = checkedUsername(uid);
  return withDirectory(settings, async (client) => {
    const located = await locateUser(client, settings, checked);
    const groups = await findGroupNames(client, settings.baseDn, located.entry?.uid ?? checked, located.dn);
    return { groups, isStaff: staffStatus(settings, groups) };
  });
}
