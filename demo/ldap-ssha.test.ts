import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLdif } from './ldap-ldif';
import { verifySshaPassword } from './ldap-ssha';

// Made with `slappasswd -h {SSHA} -s secret` (OpenLDAP 2.5).
const secretHash = '{SSHA}H3gERyn40/tcZToT3mGiiQMfasjSiOih';

describe('verifySshaPassword', () => {
  const cases = [
    { name: 'the right password', password: 'secret', stored: secretHash, matches: true },
    { name: 'the scheme name in lower case', password: 'secret', stored: secretHash.replace('SSHA', 'ssha'), matches: true },
    { name: 'a wrong password', password: 'Secret', stored: secretHash, matches: false },
    { name: 'an empty password', password: '', stored: secretHash, matches: false },
    { name: 'a plaintext value equal to the password', password: 'secret', stored: 'secret', matches: false },
    { name: 'another scheme', password: 'secret', stored: '{SHA}5en6G6MezRroT3XKqkdPOmY/BfQ=', matches: false },
    { name: 'a digest without salt', password: 'secret', stored: '{SSHA}5en6G6MezRroT3XKqkdPOmY/BfQ=', matches: false },
    { name: 'garbage after the scheme', password: 'secret', stored: '{SSHA}not base64!', matches: false },
  ];
  it.each(cases)('$name', ({ password, stored, matches }) => {
    expect(verifySshaPassword(password, stored)).toBe(matches);
  });

  it('verifies spin-demo against every password of the demo directory', () => {
    const entries = parseLdif(readFileSync(new URL('./directory.ldif', import.meta.url), 'utf8'));
    const hashes = entries.flatMap((e) => e.attributes.userPassword ?? []);
    expect(hashes).toHaveLength(6);
    for (const hash of hashes) {
      expect(verifySshaPassword('spin-demo', hash)).toBe(true);
      expect(verifySshaPassword('spin-demo ', hash)).toBe(false);
    }
  });
});
