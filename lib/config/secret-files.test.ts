import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configProblems } from '@/test/helpers/config-problems';
import { databaseLocation } from './database-env';
import { parseEnv } from './env';

const dir = mkdtempSync(join(tmpdir(), 'secret-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function secretFile(name: string, content: string): string {
  const file = join(dir, name);
  writeFileSync(file, content, { mode: 0o400 });
  return file;
}

const base = {
  RANCHER_URL: 'https://rancher.spin.nersc.gov',
  LDAP_URL: 'ldaps://ldap.nersc.gov',
  LDAP_BASE_DN: 'dc=nersc,dc=gov',
  LDAP_BIND_DN: 'uid=portal,ou=service,dc=nersc,dc=gov',
  NEXTAUTH_URL: 'https://portal.spin.nersc.gov',
};


describe('secret variables given as <NAME>_FILE', () => {
  it('reads every secret from its file, without the trailing newline', () => {
    const env = parseEnv({
      ...base,
      RANCHER_ACCESS_KEY_FILE: secretFile('access', 'AK\n'),
      RANCHER_SECRET_KEY_FILE: secretFile('secret', 'SK-from-file\n'),
      LDAP_BIND_PASSWORD_FILE: secretFile('bind', 'bind pass'),
      NEXTAUTH_SECRET_FILE: secretFile('nextauth', `${'n'.repeat(40)}\n`),
      METRICS_TOKEN_FILE: secretFile('metrics', `${'m'.repeat(30)}\n`),
    });
    expect(env.RANCHER_ACCESS_KEY).toBe('AK');
    expect(env.RANCHER_SECRET_KEY).toBe('SK-from-file');
    expect(env.LDAP_BIND_PASSWORD).toBe('bind pass');
    expect(env.NEXTAUTH_SECRET).toBe('n'.repeat(40));
    expect(env.METRICS_TOKEN).toBe('m'.repeat(30));
  });

  it('refuses a secret given both ways', () => {
    const problems = configProblems({ ...base, RANCHER_ACCESS_KEY: 'AK', RANCHER_SECRET_KEY: 'SK', LDAP_BIND_PASSWORD: 'p', NEXTAUTH_SECRET: 'x'.repeat(32), NEXTAUTH_SECRET_FILE: secretFile('both', 'y'.repeat(32)) });
    expect(problems).toEqual([{ variable: 'NEXTAUTH_SECRET_FILE', message: 'set either NEXTAUTH_SECRET or NEXTAUTH_SECRET_FILE, not both' }]);
  });

  it('names the file it cannot read, once, and never prints a secret', () => {
    const unreadable = join(dir, 'missing');
    const problems = configProblems({ ...base, RANCHER_ACCESS_KEY: 'AK', RANCHER_SECRET_KEY_FILE: unreadable, LDAP_BIND_PASSWORD: 'p', NEXTAUTH_SECRET: 'x'.repeat(32) });
    expect(problems).toEqual([{ variable: 'RANCHER_SECRET_KEY_FILE', message: `cannot read ${unreadable} (ENOENT)` }]);
  });

  it('puts DATABASE_PASSWORD (from its file) into DATABASE_URL for the audit store', () => {
    const location = databaseLocation({ DATABASE_URL: 'postgres://portal@db:5432/portal', DATABASE_PASSWORD_FILE: secretFile('dbpass', 'p@ss/word\n') });
    expect(location.databaseUrl).toBe('postgres://portal:p%40ss%2Fword@db:5432/portal');
    expect(databaseLocation({ DATABASE_URL_FILE: secretFile('dburl', 'postgres://u:pw@db/spin\n') })).toEqual({ databaseUrl: 'postgres://u:pw@db/spin' });
    expect(() => databaseLocation({ DATABASE_URL: 'postgres://db/x', DATABASE_URL_FILE: secretFile('dburl2', 'postgres://db/y') })).toThrow(/DATABASE_URL_FILE: set either/);
  });
});
