// When a browser session ends for inactivity, worked out on the browser's own clock. Pure: used by
// components/auth/session-keeper.tsx and its tests.

/** The warning shows this long before the end. */
export const warnBeforeMs = 5 * 60_000;
/** Activity extends the session at most this often (each extension is a request). */
export const extendEveryMs = 60_000;

export type IdleState = { kind: 'active' } | { kind: 'warning'; minutesLeft: number } | { kind: 'expired' };

export function idleState(expiresAt: number, now: number): IdleState {
  const left = expiresAt - now;
  if (left <= 0) return { kind: 'expired' };
  if (left <= warnBeforeMs) return { kind: 'warning', minutesLeft: Math.max(1, Math.ceil(left / 60_000)) };
  return { kind: 'active' };
}

/** Extend when the person did something since the last extension, and not more than once a minute. */
export function shouldExtend({ lastActivityAt, lastExtendedAt, now }: { lastActivityAt: number; lastExtendedAt: number; now: number }): boolean {
  return lastActivityAt > lastExtendedAt && now - lastExtendedAt >= extendEveryMs;
}

/**
 * The session's end on this browser's clock: the time left by the server's own clock (its `Date`
 * header), added to the browser's now, so a browser whose clock is wrong still warns on time.
 */
export function expiresOnClientClock(expires: string, serverDate: string | null, clientNow: number): number {
  const end = Date.parse(expires);
  const serverNow = serverDate ? Date.parse(serverDate) : NaN;
  return Number.isNaN(serverNow) ? end : clientNow + (end - serverNow);
}
