import { describe, expect, it } from 'vitest';
import { authFailure, portalSettings } from './portal-client';

const token = `spinpat_abcdef123456_${'a'.repeat(40)}`;

describe('portalSettings', () => {
  it.each([
    ['https://portal.spin.nersc.gov/', 'https://portal.spin.nersc.gov'],
    ['https://example.org/portal//', 'https://example.org/portal'],
    ['http://127.0.0.1:3000', 'http://127.0.0.1:3000'],
    ['http://localhost:3000', 'http://localhost:3000'],
  ])('accepts %s', (url, baseUrl) => {
    expect(portalSettings({ SPIN_PORTAL_URL: url, SPIN_PORTAL_TOKEN: token })).toEqual({ baseUrl, token });
  });

  it.each([
    [{ SPIN_PORTAL_TOKEN: token }, /SPIN_PORTAL_URL is not set/],
    [{ SPIN_PORTAL_URL: 'https://p.example' }, /SPIN_PORTAL_TOKEN is not set/],
    [{ SPIN_PORTAL_URL: 'portal.spin.nersc.gov', SPIN_PORTAL_TOKEN: token }, /is not a URL/],
    [{ SPIN_PORTAL_URL: 'http://portal.spin.nersc.gov', SPIN_PORTAL_TOKEN: token }, /must start with https:\/\//],
    [{ SPIN_PORTAL_URL: 'https://p.example', SPIN_PORTAL_TOKEN: 'hunter2' }, /not a personal API token: those start with spinpat_/],
  ])('refuses %j', (env, message) => {
    expect(() => portalSettings(env)).toThrow(message);
  });

  it('never repeats the token in its messages', () => {
    expect(() => portalSettings({ SPIN_PORTAL_URL: 'https://p.example', SPIN_PORTAL_TOKEN: 'not-a-token-secret' })).toThrow(expect.objectContaining({ message: expect.not.stringContaining('not-a-token-secret') }));
  });
});

describe('authFailure', () => {
  it('words a 401 for the person running the job', () => {
    expect(authFailure({ status: 401, body: { detail: 'Sign in first.' } })?.message).toMatch(/^the token was refused \(401\): SPIN_PORTAL_TOKEN is mistyped, expired or revoked/);
  });

  it('a 403 names what the token lacks', () => {
    expect(authFailure({ status: 403, body: { detail: 'You may not upgrade here.' } })?.message).toMatch(/^the token may not do this \(403\): You may not upgrade here\./);
  });

  it('leaves other statuses alone', () => {
    expect(authFailure({ status: 422, body: {} })).toBeUndefined();
  });
});
