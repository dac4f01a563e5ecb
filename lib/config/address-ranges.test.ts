import { describe, expect, it } from 'vitest';
import { isInRanges, parseAddressRanges } from './address-ranges';
import { parseEnv } from './env';

function ranges(text: string) {
  const r = parseAddressRanges(text);
  if (!r.ok) throw new Error(r.message);
  return r.ranges;
}

describe('address ranges (METRICS_ALLOWED_ADDRESSES)', () => {
  it('matches IPv4, IPv4-mapped IPv6 and IPv6 clients', () => {
    const allowed = ranges('10.42.0.0/16, 127.0.0.1, fd00::/8');
    expect(isInRanges('10.42.7.9', allowed)).toBe(true);
    expect(isInRanges('::ffff:10.42.7.9', allowed)).toBe(true);
    expect(isInRanges('127.0.0.1', allowed)).toBe(true);
    expect(isInRanges('fd12::1', allowed)).toBe(true);
    expect(isInRanges('10.43.0.1', allowed)).toBe(false);
    expect(isInRanges('127.0.0.2', allowed)).toBe(false);
    expect(isInRanges('unknown', allowed)).toBe(false);
    expect(isInRanges('127.0.0.1', [])).toBe(false);
  });

  it('names a malformed range', () => {
    expect(parseAddressRanges('10.0.0.0/33')).toEqual({ ok: false, message: '"10.0.0.0/33": the prefix length must be 0 to 32' });
    expect(parseAddressRanges('nersc')).toMatchObject({ ok: false });
    expect(() =>
      parseEnv({
        RANCHER_URL: 'https://r', RANCHER_ACCESS_KEY: 'a', RANCHER_SECRET_KEY: 's', LDAP_URL: 'ldap://l', LDAP_BASE_DN: 'dc=x',
        LDAP_USER_DN_TEMPLATE: 'uid={uid}', NEXTAUTH_SECRET: 'x'.repeat(32), NEXTAUTH_URL: 'https://p', METRICS_ALLOWED_ADDRESSES: '10.0.0.0/x',
      }),
    ).toThrow(/METRICS_ALLOWED_ADDRESSES: "10.0.0.0\/x"/);
  });
});
