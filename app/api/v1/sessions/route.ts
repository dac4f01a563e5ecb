import { getAuditStore } from '@/lib/audit/get-audit-store';
import { getSession } from '@/lib/auth/session';
import { route } from '@/lib/http/route';
import { endAllSessions, listSessions, requesterOf } from '@/lib/sessions/session-actions';
import { endAllQuery } from '@/lib/domain/sessions/session-schemas';

/** The caller's open sessions ("Your sessions"). */
export const GET = route(async ({ user }) => {
  const current = await getSession();
  return Response.json({ sessions: await listSessions(await getAuditStore(), user, current?.id ?? null) });
}, { browserSessionOnly: true });

/** Sign out everywhere; staff may pass `?uid=` to end all sessions of someone else. */
export const DELETE = route(async (ctx) => {
  const { uid } = endAllQuery.parse(Object.fromEntries(ctx.req.nextUrl.searchParams));
  const ended = await endAllSessions(await getAuditStore(), ctx.user, uid ?? ctx.user.uid, requesterOf(ctx));
  return Response.json({ ended });
}, { browserSessionOnly: true });
