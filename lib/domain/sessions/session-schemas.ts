import { z } from 'zod';

/** Session ids are 32 url-safe characters (24 random bytes); anything else cannot name a session. */
export const sessionIdParam = z.object({ sessionId: z.string().regex(/^[A-Za-z0-9_-]{32}$/, 'expected a session id') });

/** One of the caller's browser sessions, as "Your sessions" shows it. */
export const sessionView = z.object({
  id: z.string(),
  /** Browser and system in words, from the user agent ("Firefox 128 on Linux"). */
  browser: z.string(),
  userAgent: z.string().nullable(),
  clientAddress: z.string().nullable(),
  startedAt: z.iso.datetime(),
  lastActiveAt: z.iso.datetime(),
  /** When it ends without further use (idle), or at the latest (absolute limit). */
  endsAt: z.iso.datetime(),
  /** Whether this is the session making the request. */
  isCurrent: z.boolean(),
});
export type SessionView = z.infer<typeof sessionView>;

export const sessionList = z.object({ sessions: z.array(sessionView) });
export type SessionList = z.infer<typeof sessionList>;

/** `DELETE /api/v1/sessions`: without `uid` the caller's own; staff may name someone else. */
export const endAllQuery = z.object({ uid: z.string().trim().min(1, 'expected a uid').max(64).optional() });

export const endedSessions = z.object({ ended: z.number().int().min(0) });
