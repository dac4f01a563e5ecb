import { getAuditStore } from '@/lib/audit/get-audit-store';
import { route } from '@/lib/http/route';
import { endOwnSession, requesterOf } from '@/lib/sessions/session-actions';
import { sessionIdParam } from '@/lib/domain/sessions/session-schemas';

/** Ends one of the caller's sessions (404 for anyone else's). */
export const DELETE = route<{ sessionId: string }>(async (ctx) => {
  const { sessionId } = sessionIdParam.parse(ctx.params);
  await endOwnSession(await getAuditStore(), ctx.user, sessionId, requesterOf(ctx));
  return new Response(null, { status: 204 });
}, { browserSessionOnly: true });
