import { describe, expect, it } from 'vitest';
import { escapeDnValue, escapeFilterValue } from './ldap-escape';

describe('escapeFilterValue (RFC 4515)', () => {
  const cases = [
    { name: 'plain uid', value: 'fred', escaped: 'fred' },
    { name: 'wildcard', value: '*', escaped: '\\2a' },
    { name: 'trailing wildcard', value: 'fred*', escaped: 'fred\\2a' },
    { name: 'closing the filter early', value: 'fred)(uid=*', escaped: 'fred\\29\\28uid=\\2a' },
    { name: 'adding an OR branch', value: 'admin)(|(uid=*', escaped: 'admin\\29\\28|\\28uid=\\2a' },
    { name: 'NUL byte', value: 'fred\0', escaped: 'fred\\00' },
    { name: 'backslash first, so escapes are not doubled wrong', value: 'a\\2a', escaped: 'a\\5c2a' },
    { name: 'non-ASCII passes as UTF-8', value: 'jürgen', escaped: 'jürgen' },
  ];
  it.each(cases)('$name', ({ value, escaped }) => {
    expect(escapeFilterValue(value)).toBe(escaped);
  });
});

describe('escapeDnValue (RFC 4514)', () => {
  const cases = [
    { name: 'plain uid', value: 'fred', escaped: 'fred' },
    { name: 'comma would start a new RDN', value: 'fred,ou=admins', escaped: 'fred\\,ou\\=admins' },
    { name: 'plus would make a multi-valued RDN', value: 'a+b', escaped: 'a\\+b' },
    { name: 'quotes, semicolons and angle brackets', value: '"x";<y>', escaped: '\\"x\\"\\;\\<y\\>' },
    { name: 'backslash', value: 'a\\b', escaped: 'a\\\\b' },
    { name: 'leading hash would read as a BER value', value: '#01', escaped: '\\#01' },
    { name: 'hash inside stays', value: 'a#b', escaped: 'a#b' },
    { name: 'leading and trailing spaces', value: ' fred ', escaped: '\\ fred\\ ' },
    { name: 'inner spaces stay', value: 'a b', escaped: 'a b' },
    { name: 'NUL byte', value: 'fred\0', escaped: 'fred\\00' },
    { name: 'single space', value: ' ', escaped: '\\ ' },
    { name: 'trailing space after a character outside the BMP', value: 'a😀 ', escaped: 'a😀\\ ' },
  ];
  it.each(cases)('$name', ({ value, escaped }) => {
    expect(escapeDnValue(value)).toBe(escaped);
  });
});
