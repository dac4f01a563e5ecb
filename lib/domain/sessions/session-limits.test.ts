import { describe, expect, it } from 'vitest';
import type { SessionRecord } from './session-record';
import { sessionVerdict } from './session-limits';

const minute = 60_000;
const limits = { idleMs: 480 * minute, maxMs: 720 * minute };

function record(overrides: Partial<SessionRecord> = {}): SessionRecord {
  return { id: 's', uid: 'fred', clientAddress: null, userAgent: null, startedAt: 0, lastActiveAt: 0, endedAt: null, endReason: null, ...overrides };
}

describe('sessionVerdict', () => {
  it.each([
    { name: 'fresh', rec: {}, now: 30_000, verdict: { kind: 'active', endsAt: 480 * minute, isTouchDue: false } },
    { name: 'touch due after a minute', rec: {}, now: minute, verdict: { kind: 'active', endsAt: 480 * minute, isTouchDue: true } },
    { name: 'absolute end comes first', rec: { lastActiveAt: 600 * minute }, now: 601 * minute, verdict: { kind: 'active', endsAt: 720 * minute, isTouchDue: true } },
    { name: 'idle', rec: { lastActiveAt: 10 * minute }, now: 490 * minute, verdict: { kind: 'ended', reason: 'idle', endedAt: 490 * minute, hasLimitPassed: true } },
    { name: 'past the maximum while active', rec: { lastActiveAt: 719 * minute }, now: 720 * minute, verdict: { kind: 'ended', reason: 'max-age', endedAt: 720 * minute, hasLimitPassed: true } },
    { name: 'ended before', rec: { endedAt: 5, endReason: 'signout' as const }, now: 10, verdict: { kind: 'ended', reason: 'signout', endedAt: 5, hasLimitPassed: false } },
  ])('$name', ({ rec, now, verdict }) => {
    expect(sessionVerdict(record(rec), limits, now)).toEqual(verdict);
  });

  it('touches more often than once a minute when the idle limit is short', () => {
    const short = { idleMs: 4_000, maxMs: 60_000 };
    expect(sessionVerdict(record(), short, 999)).toMatchObject({ kind: 'active', isTouchDue: false });
    expect(sessionVerdict(record(), short, 1_000)).toMatchObject({ kind: 'active', isTouchDue: true });
  });
});
