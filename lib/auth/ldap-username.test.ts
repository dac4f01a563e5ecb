import { describe, expect, it } from 'vitest';
import { ldapUsername } from './ldap-username';

describe('ldapUsername', () => {
  const accepted = [
    { input: 'fred', uid: 'fred' },
    { input: 'c_flintstones', uid: 'c_flintstones' },
    { input: '_svc-1', uid: '_svc-1' },
    { input: ' Fred ', uid: 'fred' },
    { input: 'a'.repeat(32), uid: 'a'.repeat(32) },
  ];
  it.each(accepted)('accepts $input as $uid', ({ input, uid }) => {
    expect(ldapUsername.parse(input)).toBe(uid);
  });

  const refused = ['', ' ', '-fred', '1fred', 'a'.repeat(33), 'fred smith', 'fred*', 'fred)(uid=*', 'fred\0', 'fred,ou=x', 'frédéric'];
  it.each(refused)('refuses %j', (input) => {
    expect(ldapUsername.safeParse(input).success).toBe(false);
  });
});
