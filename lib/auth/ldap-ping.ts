import 'server-only';
import { withDirectory } from './ldap-connection';
import type { LdapSettings } from './ldap-settings';

/** Resolves when the directory answers a search of its base entry (readiness probe). */
export async function pingDirectory(settings: LdapSettings): Promise<void> {
  await withDirectory(settings, (client) => client.search(settings.baseDn, { scope: 'base', attributes: ['objectClass'], sizeLimit: 1 }));
}
