import { describe, expect, it } from 'vitest';
import { issueHostAccess, lifetimeMs, redeemHostAccess } from './host-access';

const secret = 'unit-test-secret-unit-test-secret-0123456789';
const grant = {
  kind: 'logs' as const,
  containerId: '1i1',
  uid: 'fred',
  name: 'Fred',
  groups: ['csg'],
  isStaff: false,
  token: { id: 'abcdefghijkl', stackIds: null, rights: null },
  options: { follow: false, lines: 10 },
};

describe('hostAccess tokens', () => {
  it('carry the grant, once', () => {
    const token = issueHostAccess(grant, 1_000, secret);
    expect(redeemHostAccess(token, 2_000, secret)).toMatchObject({ containerId: '1i1', uid: 'fred', kind: 'logs' });
    expect(redeemHostAccess(token, 2_000, secret)).toBeNull();
  });

  it('expire', () => {
    expect(redeemHostAccess(issueHostAccess(grant, 1_000, secret), 1_001 + lifetimeMs, secret)).toBeNull();
  });

  it('refuse a changed grant or another key', () => {
    const [payload, mac] = issueHostAccess(grant, 1_000, secret).split('.');
    const forged = Buffer.from(Buffer.from(payload ?? '', 'base64url').toString('utf8').replace('"1i1"', '"1i9"')).toString('base64url');
    expect(redeemHostAccess(`${forged}.${mac}`, 2_000, secret)).toBeNull();
    expect(redeemHostAccess(issueHostAccess(grant, 1_000, secret), 2_000, `${secret}x`)).toBeNull();
    expect(redeemHostAccess(null, 2_000, secret)).toBeNull();
  });
});
