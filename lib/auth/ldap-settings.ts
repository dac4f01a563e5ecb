import 'server-only';
import type { Env } from '@/lib/config/env';

/**
 * How the portal reaches the directory. Either `bindDn`/`bindPassword` (a service account searches for
 * the person's entry) or `userDnTemplate` (the entry's DN is built from the username) must be set.
 */
export interface LdapSettings {
  /** `ldap://` or `ldaps://`, host and port only. */
  url: string;
  /** Where people and groups are searched, e.g. `dc=nersc,dc=gov`. */
  baseDn: string;
  bindDn?: string;
  bindPassword?: string;
  /** A DN containing `{uid}`, e.g. `uid={uid},ou=people,dc=nersc,dc=gov`. */
  userDnTemplate?: string;
  /** PEM file of the CA that signed the directory's certificate (LDAPS or StartTLS). */
  caFile?: string;
  /** Upgrade an `ldap://` connection with StartTLS before sending any password. */
  startTls?: boolean;
  /** The longest a login (or a group re-read) may wait for the directory, in all. */
  timeoutMs: number;
  /** Members of this group are staff. */
  staffGroup: string;
}

export function ldapSettingsFromEnv(env: Env): LdapSettings {
  return {
    url: env.LDAP_URL,
    baseDn: env.LDAP_BASE_DN,
    bindDn: env.LDAP_BIND_DN,
    bindPassword: env.LDAP_BIND_PASSWORD,
    userDnTemplate: env.LDAP_USER_DN_TEMPLATE,
    caFile: env.LDAP_CA_FILE,
    startTls: env.LDAP_STARTTLS,
    timeoutMs: env.LDAP_TIMEOUT_MS,
    staffGroup: env.STAFF_GROUP,
  };
}
