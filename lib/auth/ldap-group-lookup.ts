import 'server-only';
import type { Client } from 'ldapts';
import { firstAttributeValue } from './ldap-attribute';
import { escapeFilterValue } from './ldap-escape';

/**
 * The names of the groups a person belongs to, lower-cased (stack tags are lower-cased too) and sorted.
 * Both kinds are read in one search: posixGroup lists members by uid, groupOfNames by full DN.
 */
export async function findGroupNames(client: Client, baseDn: string, uid: string, userDn: string): Promise<string[]> {
  const filter =
    `(|(&(objectClass=posixGroup)(memberUid=${escapeFilterValue(uid)}))` +
    `(&(objectClass=groupOfNames)(member=${escapeFilterValue(userDn)})))`;
  const { searchEntries } = await client.search(baseDn, { scope: 'sub', filter, attributes: ['cn'] });
  const names = searchEntries.map((entry) => firstAttributeValue(entry, 'cn')?.toLowerCase()).filter((cn) => cn !== undefined);
  return [...new Set(names)].sort();
}
