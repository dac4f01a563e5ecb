import 'server-only';
import { randomBytes } from 'node:crypto';
import type { AuditStore } from '@/lib/audit/audit-store';
import type { SessionUser } from '@/lib/domain/access/session-user';
import { ForbiddenError, NotFoundError } from '@/lib/domain/errors/app-error';
import { browserName } from '@/lib/domain/sessions/browser-name';
import { sessionLimits } from './session-check';
import { sessionVerdict } from '@/lib/domain/sessions/session-limits';
import type { SessionView } from '@/lib/domain/sessions/session-schemas';

/** Where a request came from, for the audit record. */
export interface Requester {
  clientAddress: string | null;
  userAgent: string | null;
  requestId: string | null;
}

/** The requester of a route handler's request. */
export function requesterOf(ctx: { req: Request; clientAddress: string; requestId: string }): Requester {
  return { clientAddress: ctx.clientAddress, userAgent: ctx.req.headers.get('user-agent'), requestId: ctx.requestId };
}

/** Starts the record of a new browser session (at sign-in); resolves to its id for the cookie. */
export async function startSession(audit: AuditStore, uid: string, from: Requester): Promise<string> {
  const id = randomBytes(24).toString('base64url');
  await audit.sessions.create({ id, uid, clientAddress: from.clientAddress, userAgent: from.userAgent, now: Date.now() });
  return id;
}

/** Sign out: ends the session and records the logout, once (a replayed sign-out records nothing). */
export async function endSignedOutSession(audit: AuditStore, sessionId: string, uid: string): Promise<void> {
  if (await audit.sessions.end(sessionId, 'signout', Date.now())) await audit.record({ actor: uid, action: 'logout', outcome: 'ok' });
}

/** The person's sessions that may still be used, most recently active first. */
export async function listSessions(audit: AuditStore, user: SessionUser, currentId: string | null): Promise<SessionView[]> {
  const limits = sessionLimits();
  const now = Date.now();
  const views: SessionView[] = [];
  for (const record of await audit.sessions.listOpen(user.uid)) {
    const verdict = sessionVerdict(record, limits, now);
    if (verdict.kind !== 'active') continue;
    views.push({
      id: record.id,
      browser: browserName(record.userAgent),
      userAgent: record.userAgent,
      clientAddress: record.clientAddress,
      startedAt: new Date(record.startedAt).toISOString(),
      lastActiveAt: new Date(record.lastActiveAt).toISOString(),
      endsAt: new Date(verdict.endsAt).toISOString(),
      isCurrent: record.id === currentId,
    });
  }
  return views;
}

/** Ends one of the person's own sessions; someone else's, or one already ended, is a 404. */
export async function endOwnSession(audit: AuditStore, user: SessionUser, sessionId: string, from: Requester): Promise<void> {
  const record = await audit.sessions.get(sessionId);
  if (!record || record.uid !== user.uid || !(await audit.sessions.end(sessionId, 'ended-by-user', Date.now()))) {
    throw new NotFoundError('You have no open session with this id.', { errors: [{ path: 'sessionId', message: 'no open session of yours' }] });
  }
  await audit.record({ ...from, actor: user.uid, action: 'session.end', outcome: 'ok', details: { browser: browserName(record.userAgent), address: record.clientAddress } });
}

/**
 * Ends every session of `uid`: the person's own ("Sign out everywhere"), or, for staff, anyone's. A
 * refusal is recorded too, since it is someone trying to sign another person out.
 */
export async function endAllSessions(audit: AuditStore, user: SessionUser, uid: string, from: Requester): Promise<number> {
  const isOwn = uid === user.uid;
  const event = { ...from, actor: user.uid, action: 'session.end-all' as const, details: { uid } };
  if (!isOwn && !user.isStaff) {
    await audit.record({ ...event, outcome: 'denied', code: 'forbidden' });
    throw new ForbiddenError('Only Spin staff can end another person’s sessions.', { errors: [{ path: 'uid', message: 'not your own uid' }] });
  }
  const ended = await audit.sessions.endAllOf(uid, isOwn ? 'signed-out-everywhere' : 'ended-by-staff', Date.now());
  await audit.record({ ...event, outcome: 'ok', details: { uid, ended } });
  return ended;
}
