import type { SessionEndReason, SessionRecord } from './session-record';

export interface SessionLimits {
  /** A session with no request for this long ends. */
  idleMs: number;
  /** No session lasts longer than this from its sign-in. */
  maxMs: number;
}

export type SessionVerdict =
  | { kind: 'active'; endsAt: number; isTouchDue: boolean }
  | { kind: 'ended'; reason: SessionEndReason; endedAt: number; hasLimitPassed: boolean };

/** Last activity is written at most this often (each write is a database update). */
const touchEveryMs = 60_000;

/** Whether a session may still be used at `now`, and until when. Pure: the clock is an argument. */
export function sessionVerdict(record: SessionRecord, limits: SessionLimits, now: number): SessionVerdict {
  if (record.endedAt !== null) return { kind: 'ended', reason: record.endReason ?? 'signout', endedAt: record.endedAt, hasLimitPassed: false };
  const idleEnd = record.lastActiveAt + limits.idleMs;
  const maxEnd = record.startedAt + limits.maxMs;
  if (now >= maxEnd && maxEnd <= idleEnd) return { kind: 'ended', reason: 'max-age', endedAt: maxEnd, hasLimitPassed: true };
  if (now >= idleEnd) return { kind: 'ended', reason: 'idle', endedAt: idleEnd, hasLimitPassed: true };
  // Short idle limits (tests) need touches more often than once a minute, or the record would idle out.
  const isTouchDue = now - record.lastActiveAt >= Math.min(touchEveryMs, limits.idleMs / 4);
  return { kind: 'active', endsAt: Math.min(idleEnd, maxEnd), isTouchDue };
}
