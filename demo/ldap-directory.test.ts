import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DemoDirectory, dnKey } from './ldap-directory';

const directory = new DemoDirectory(readFileSync(new URL('./directory.ldif', import.meta.url), 'utf8'));
const fredDn = 'uid=fred,ou=people,dc=nersc,dc=gov';
const serviceDn = 'cn=spin-portal,ou=services,dc=nersc,dc=gov';
const everything = () => true;
const dns = (found: { dn: string }[] | null) => found?.map((e) => e.dn) ?? null;

describe('dnKey', () => {
  it('ignores case and spaces after separators', () => {
    expect(dnKey('UID=Fred, ou=People ,dc=nersc,dc=gov')).toBe(dnKey(fredDn));
  });
});

describe('DemoDirectory', () => {
  it('takes its suffix from the first entry', () => {
    expect(directory.suffix).toBe('dc=nersc,dc=gov');
  });

  const binds = [
    { name: 'the right password', dn: fredDn, password: 'spin-demo', outcome: 'bound' },
    { name: 'the DN spelt differently', dn: 'UID=fred, OU=people, DC=nersc, DC=gov', password: 'spin-demo', outcome: 'bound' },
    { name: 'the service account', dn: serviceDn, password: 'spin-demo', outcome: 'bound' },
    { name: 'a wrong password', dn: fredDn, password: 'spin-demo!', outcome: 'invalid-credentials' },
    { name: 'an unknown DN', dn: 'uid=bamm-bamm,ou=people,dc=nersc,dc=gov', password: 'spin-demo', outcome: 'invalid-credentials' },
    { name: 'an entry without password', dn: 'uid=c_flintstones,ou=people,dc=nersc,dc=gov', password: 'spin-demo', outcome: 'invalid-credentials' },
    { name: 'a group entry', dn: 'cn=csg,ou=groups,dc=nersc,dc=gov', password: 'spin-demo', outcome: 'invalid-credentials' },
    { name: 'a malformed DN', dn: 'not a dn', password: 'spin-demo', outcome: 'invalid-credentials' },
    { name: 'a DN without password (unauthenticated bind)', dn: fredDn, password: '', outcome: 'unwilling' },
  ];
  it.each(binds)('bind with $name: $outcome', ({ dn, password, outcome }) => {
    expect(directory.bind(dn, password)).toBe(outcome);
  });

  it('shows anonymous readers the suffix and the groups only', () => {
    expect(dns(directory.search(null, 'dc=nersc,dc=gov', 'sub', everything))).toEqual([
      'dc=nersc,dc=gov',
      'ou=groups,dc=nersc,dc=gov',
      'cn=csg,ou=groups,dc=nersc,dc=gov',
      'cn=genome,ou=groups,dc=nersc,dc=gov',
      'cn=isg,ou=groups,dc=nersc,dc=gov',
    ]);
    expect(directory.search(null, 'ou=people,dc=nersc,dc=gov', 'sub', everything)).toBeNull();
  });

  it('shows bound readers everyone, without userPassword', () => {
    const found = directory.search(serviceDn, 'ou=people,dc=nersc,dc=gov', 'one', everything) ?? [];
    expect(found.map((e) => e.attributes.uid?.[0])).toEqual(['fred', 'dino', 'barney', 'wilma', 'pebbles', 'c_flintstones']);
    for (const entry of found) expect(Object.keys(entry.attributes)).not.toContain('userPassword');
  });

  it('keeps to the scope: base is the entry itself, one its children, sub the whole subtree', () => {
    expect(dns(directory.search(fredDn, fredDn, 'base', everything))).toEqual([fredDn]);
    expect(dns(directory.search(fredDn, 'dc=nersc,dc=gov', 'one', everything))).toEqual([
      'ou=people,dc=nersc,dc=gov',
      'ou=groups,dc=nersc,dc=gov',
      'ou=services,dc=nersc,dc=gov',
    ]);
    expect(directory.search(fredDn, 'ou=services,dc=nersc,dc=gov', 'sub', everything)).toHaveLength(2);
  });

  it('passes each readable entry to the filter and keeps those it accepts', () => {
    const found = directory.search(null, 'dc=nersc,dc=gov', 'sub', (a) => a.memberUid?.includes('fred') ?? false);
    expect(dns(found)).toEqual(['cn=csg,ou=groups,dc=nersc,dc=gov']);
  });

  it('answers a base outside the directory as missing', () => {
    expect(directory.search(fredDn, 'dc=example,dc=org', 'sub', everything)).toBeNull();
    expect(directory.search(fredDn, 'ou=nobody,dc=nersc,dc=gov', 'sub', everything)).toBeNull();
  });
});
