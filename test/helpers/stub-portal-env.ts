// The least configuration lib/config/env.ts accepts, for unit tests of server code that reads env().
import { vi } from 'vitest';

export function stubPortalEnv(overrides: Record<string, string> = {}): void {
  const values: Record<string, string> = {
    RANCHER_URL: 'http://127.0.0.1:18080',
    RANCHER_ACCESS_KEY: 'AK',
    RANCHER_SECRET_KEY: 'SK',
    LDAP_URL: 'ldap://127.0.0.1:13389',
    LDAP_BASE_DN: 'dc=example,dc=org',
    LDAP_USER_DN_TEMPLATE: 'uid={uid},ou=people,dc=example,dc=org',
    NEXTAUTH_SECRET: 'unit-test-secret-of-at-least-32-characters',
    NEXTAUTH_URL: 'http://127.0.0.1:3000',
    LOG_LEVEL: 'silent',
    ...overrides,
  };
  for (const [name, value] of Object.entries(values)) vi.stubEnv(name, value);
}
