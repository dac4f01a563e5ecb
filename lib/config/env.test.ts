import { configProblems } from '@/test/helpers/config-problems';
import { describe, expect, it } from 'vitest';
import { parseEnv, rancherProjectIds } from './env';

const valid = {
  RANCHER_URL: 'https://rancher.spin.nersc.gov/v2-beta',
  RANCHER_ACCESS_KEY: 'AK',
  RANCHER_SECRET_KEY: 'SK',
  LDAP_URL: 'ldaps://ldap.nersc.gov',
  LDAP_BASE_DN: 'dc=nersc,dc=gov',
  LDAP_USER_DN_TEMPLATE: 'uid={uid},ou=people,dc=nersc,dc=gov',
  NEXTAUTH_SECRET: 'x'.repeat(32),
  NEXTAUTH_URL: 'https://portal.spin.nersc.gov',
};


describe('parseEnv', () => {
  it('accepts a complete production environment and applies defaults', () => {
    const env = parseEnv(valid);
    expect(env.PORT).toBe(3000);
    expect(env.HOST).toBe('127.0.0.1');
    expect(env.STAFF_GROUP).toBe('isg');
    expect(env.ALLOWED_ORIGINS).toEqual([]);
    expect(env.TRUST_PROXY).toBe(0);
    expect(env.WS_MAX_PER_USER).toBe(20);
    expect(env.SESSION_IDLE_MINUTES).toBe(480);
    expect(env.SESSION_MAX_HOURS).toBe(12);
    expect(env.POLICY_ALLOWED_HOST_PATHS).toEqual(['/global', '/project']);
  });

  it('reads several Rancher environments, or the one of RANCHER_PROJECT_ID, and refuses both or a malformed id', () => {
    const two = parseEnv({ ...valid, RANCHER_PROJECT_IDS: '1a5, 1a7,1a5', RANCHER_PRODUCTION_PROJECT_IDS: '1a5' });
    expect(rancherProjectIds(two)).toEqual(['1a5', '1a7']);
    expect(two.RANCHER_PRODUCTION_PROJECT_IDS).toEqual(['1a5']);
    expect(rancherProjectIds(parseEnv({ ...valid, RANCHER_PROJECT_ID: '1a5' }))).toEqual(['1a5']);
    expect(rancherProjectIds(parseEnv(valid))).toEqual([]);
    expect(configProblems({ ...valid, RANCHER_PROJECT_ID: '1a5', RANCHER_PROJECT_IDS: '1a5,1a7' })).toEqual([
      { variable: 'RANCHER_PROJECT_IDS', message: 'set RANCHER_PROJECT_IDS or RANCHER_PROJECT_ID, not both' },
    ]);
    expect(configProblems({ ...valid, RANCHER_PROJECT_IDS: '1a5,dev-cattle' })).toEqual([
      { variable: 'RANCHER_PROJECT_IDS', message: 'expected Rancher project ids such as 1a5,1a7, not dev-cattle' },
    ]);
  });

  it('reads the allowed host paths normalised', () => {
    expect(parseEnv({ ...valid, POLICY_ALLOWED_HOST_PATHS: '/global, //scratch/spin/' }).POLICY_ALLOWED_HOST_PATHS).toEqual(['/global', '/scratch/spin']);
  });

  it('names every missing variable', () => {
    const problems = configProblems({ ...valid, RANCHER_URL: undefined, NEXTAUTH_SECRET: undefined });
    expect(problems).toEqual(
      expect.arrayContaining([
        { variable: 'RANCHER_URL', message: 'is required but not set' },
        { variable: 'NEXTAUTH_SECRET', message: 'is required but not set' },
      ]),
    );
  });

  it.each([
    ['PORT', 'eighty', /number/i],
    ['PORT', '70000', /65535/],
    ['RANCHER_URL', 'ftp://rancher', /http/],
    ['LDAP_URL', 'http://ldap', /ldap/],
    ['NEXTAUTH_SECRET', 'short', /32 characters/],
    ['LOG_LEVEL', 'loud', /expected one of/i],
    ['DATABASE_URL', 'mysql://db', /postgres/],
    ['LDAP_USER_DN_TEMPLATE', 'uid=fred,dc=nersc', /\{uid\}/],
    ['POLICY_ALLOWED_HOST_PATHS', '/global,/', /whole node/],
    ['POLICY_ALLOWED_HOST_PATHS', '/var', /\/var\/run.*never allowed/],
    ['POLICY_ALLOWED_HOST_PATHS', 'global', /absolute/],
    ['TRUST_PROXY', 'yes', /number of proxies/],
    ['TRUST_PROXY', '-1', /number of proxies|>=0/],
    ['WS_MAX_PER_USER', '0', />=1/],
    ['SESSION_MAX_HOURS', '0', /0\.001/],
    ['SESSION_MAX_HOURS', 'forever', /number/i],
  ])('rejects %s=%s with a message saying what it expects', (variable, value, expected) => {
    const problems = configProblems({ ...valid, [variable]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.variable).toBe(variable);
    expect(problems[0]?.message).toMatch(expected);
  });

  it('needs a way to find user DNs', () => {
    const problems = configProblems({ ...valid, LDAP_USER_DN_TEMPLATE: undefined });
    expect(problems[0]?.variable).toBe('LDAP_USER_DN_TEMPLATE');
  });

  it('needs the bind password with a bind DN', () => {
    const problems = configProblems({ ...valid, LDAP_BIND_DN: 'cn=portal,dc=nersc,dc=gov' });
    expect(problems).toEqual([{ variable: 'LDAP_BIND_PASSWORD', message: 'required when LDAP_BIND_DN is set' }]);
  });

  it('lists the error message for each variable on its own line', () => {
    const err = (() => {
      try {
        parseEnv({});
      } catch (e) {
        return e as Error;
      }
    })();
    expect(err?.message).toMatch(/^Invalid configuration:\n {2}RANCHER_URL: is required but not set/);
  });
});

describe('TRUST_PROXY', () => {
  it.each([
    ['0', 0],
    ['1', 1],
    ['2', 2],
    ['true', 1],
    ['false', 0],
  ])('%s trusts %i proxies', (value, hops) => {
    expect(parseEnv({ ...valid, TRUST_PROXY: value }).TRUST_PROXY).toBe(hops);
  });
});
