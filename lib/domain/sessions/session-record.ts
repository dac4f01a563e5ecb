/**
 * Why a session ended. `signout`: its own Sign out; `ended-by-user`: its owner ended it from another
 * browser ("Your sessions"); `signed-out-everywhere`: its owner ended all of theirs; `ended-by-staff`: staff
 * ended all sessions of the person; `idle` and `max-age`: a limit passed.
 */
export const sessionEndReasons = ['signout', 'ended-by-user', 'signed-out-everywhere', 'ended-by-staff', 'idle', 'max-age'] as const;
export type SessionEndReason = (typeof sessionEndReasons)[number];

/** A browser session as the database keeps it (times in ms since the epoch). */
export interface SessionRecord {
  /** Random, named by the signed session cookie. */
  id: string;
  uid: string;
  clientAddress: string | null;
  userAgent: string | null;
  startedAt: number;
  lastActiveAt: number;
  endedAt: number | null;
  endReason: SessionEndReason | null;
}

export interface NewSession {
  id: string;
  uid: string;
  clientAddress: string | null;
  userAgent: string | null;
  now: number;
}
