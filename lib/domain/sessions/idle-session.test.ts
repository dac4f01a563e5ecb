import { describe, expect, it } from 'vitest';
import { expiresOnClientClock, idleState, shouldExtend } from './idle-session';

describe('idleState', () => {
  const now = 1_000_000_000;
  const cases = [
    { left: 60 * 60_000, state: { kind: 'active' } },
    { left: 5 * 60_000 + 1, state: { kind: 'active' } },
    { left: 5 * 60_000, state: { kind: 'warning', minutesLeft: 5 } },
    { left: 61_000, state: { kind: 'warning', minutesLeft: 2 } },
    { left: 1_000, state: { kind: 'warning', minutesLeft: 1 } },
    { left: 0, state: { kind: 'expired' } },
    { left: -5_000, state: { kind: 'expired' } },
  ];
  it.each(cases)('$left ms left', ({ left, state }) => {
    expect(idleState(now + left, now)).toEqual(state);
  });
});

describe('shouldExtend', () => {
  it('extends after activity, at most once a minute', () => {
    expect(shouldExtend({ lastActivityAt: 100_000, lastExtendedAt: 30_000, now: 100_000 })).toBe(true);
    expect(shouldExtend({ lastActivityAt: 50_000, lastExtendedAt: 30_000, now: 60_000 })).toBe(false);
    expect(shouldExtend({ lastActivityAt: 20_000, lastExtendedAt: 30_000, now: 500_000 })).toBe(false);
  });
});

describe('expiresOnClientClock', () => {
  it('keeps the time left by the server clock, whatever the browser clock says', () => {
    const clientNow = Date.parse('2026-11-25T20:00:00Z');
    expect(expiresOnClientClock('2026-11-25T18:00:00.000Z', 'Wed, 25 Nov 2026 10:00:00 GMT', clientNow)).toBe(clientNow + 8 * 3_600_000);
    expect(expiresOnClientClock('2026-11-25T18:00:00.000Z', null, clientNow)).toBe(Date.parse('2026-11-25T18:00:00.000Z'));
  });
});
