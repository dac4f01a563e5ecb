import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLdif } from './ldap-ldif';

describe('parseLdif', () => {
  it('reads entries, repeated attributes, comments, folded lines and base64 values', () => {
    const text = [
      'version: 1',
      '# a comment',
      'dn: cn=csg,ou=groups,dc=nersc,dc=gov',
      'objectClass: posixGroup',
      'cn: csg',
      'description: Computational',
      '  Systems Group',
      'memberUid: fred',
      'memberUid: barney',
      '',
      '',
      'dn:: dWlkPWrDvHJnZW4sZGM9eA==',
      'cn:: SsO8cmdlbg==',
      '',
    ].join('\n');
    expect(parseLdif(text)).toEqual([
      {
        dn: 'cn=csg,ou=groups,dc=nersc,dc=gov',
        attributes: { objectClass: ['posixGroup'], cn: ['csg'], description: ['Computational Systems Group'], memberUid: ['fred', 'barney'] },
      },
      { dn: 'uid=jürgen,dc=x', attributes: { cn: ['Jürgen'] } },
    ]);
  });

  it('accepts CRLF line ends', () => {
    expect(parseLdif('dn: dc=x\r\ndc: x\r\n')).toEqual([{ dn: 'dc=x', attributes: { dc: ['x'] } }]);
  });

  const refused = [
    { name: 'an entry without dn', text: 'cn: x\n', message: /must start with "dn:"/ },
    { name: 'a change record', text: 'dn: dc=x\nchangetype: delete\n', message: /change records/ },
    { name: 'a value from a URL', text: 'dn: dc=x\njpegPhoto:< file:///etc/passwd\n', message: /URLs/ },
    { name: 'a line that is not an attribute', text: 'dn: dc=x\nnonsense\n', message: /line 2/ },
  ];
  it.each(refused)('refuses $name', ({ text, message }) => {
    expect(() => parseLdif(text)).toThrow(message);
  });

  it('reads the demo directory: every person of DESIGN.md, the groups and the service account', () => {
    const entries = parseLdif(readFileSync(new URL('./directory.ldif', import.meta.url), 'utf8'));
    const people = entries.filter((e) => e.attributes.objectClass?.includes('posixAccount'));
    expect(people.map((p) => [p.attributes.uid?.[0], p.attributes.uidNumber?.[0]])).toEqual([
      ['fred', '1001'],
      ['dino', '1002'],
      ['barney', '1003'],
      ['wilma', '1004'],
      ['pebbles', '1005'],
      ['c_flintstones', '501'],
    ]);
    expect(people.find((p) => p.attributes.uid?.[0] === 'c_flintstones')?.attributes.userPassword).toBeUndefined();
    expect(entries.map((e) => e.dn)).toContain('cn=spin-portal,ou=services,dc=nersc,dc=gov');
  });
});
