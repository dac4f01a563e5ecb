import 'server-only';
import { getAuditStore } from '@/lib/audit/get-audit-store';
import { env } from '@/lib/config/env';
import { sessionVerdict, type SessionLimits } from '@/lib/domain/sessions/session-limits';

/** A session that may be used now. */
export interface ActiveSession {
  id: string;
  uid: string;
  /** When it ends unless used again (idle), or at the latest (absolute limit); ms since the epoch. */
  endsAt: number;
}

export function sessionLimits(): SessionLimits {
  const config = env();
  return { idleMs: config.SESSION_IDLE_MINUTES * 60_000, maxMs: config.SESSION_MAX_HOURS * 3_600_000 };
}

/**
 * THE check of a browser session, for route handlers, pages, next-auth's session endpoint and
 * websockets alike: the record named by the cookie must exist, not be ended, and be within the idle and
 * absolute limits. A session found past a limit is ended here (and recorded, once, by whichever replica
 * ends it). `touch` counts this use as activity: requests do, the periodic re-check of an open
 * websocket does not.
 */
export async function checkSession(sessionId: string | undefined, options: { touch: boolean }): Promise<ActiveSession | null> {
  if (!sessionId) return null;
  const audit = await getAuditStore();
  const record = await audit.sessions.get(sessionId);
  if (!record) return null;
  const limits = sessionLimits();
  const now = Date.now();
  const verdict = sessionVerdict(record, limits, now);
  if (verdict.kind === 'ended') {
    if (verdict.hasLimitPassed && (await audit.sessions.end(record.id, verdict.reason, verdict.endedAt))) {
      await audit.record({ actor: record.uid, clientAddress: record.clientAddress, userAgent: record.userAgent, action: 'session.expire', outcome: 'ok', code: verdict.reason });
    }
    return null;
  }
  if (!options.touch || !verdict.isTouchDue) return { id: record.id, uid: record.uid, endsAt: verdict.endsAt };
  await audit.sessions.touch(record.id, now);
  return { id: record.id, uid: record.uid, endsAt: Math.min(now + limits.idleMs, record.startedAt + limits.maxMs) };
}
