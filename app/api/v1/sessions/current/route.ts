import { getAuditStore } from '@/lib/audit/get-audit-store';
import { getSession } from '@/lib/auth/session';
import { UnauthenticatedError } from '@/lib/domain/errors/app-error';
import { route } from '@/lib/http/route';
import { endSignedOutSession } from '@/lib/sessions/session-actions';

/**
 * Sign out: ends this browser's session record and answers only once it is ended. The Sign out button
 * calls it before next-auth clears the cookie, because next-auth reports success even when its sign-out
 * event fails, which would leave a copied cookie alive.
 */
export const DELETE = route(async ({ user }) => {
  const session = await getSession();
  if (!session) throw new UnauthenticatedError('Sign in to use the portal.');
  await endSignedOutSession(await getAuditStore(), session.id, user.uid);
  return new Response(null, { status: 204 });
}, { browserSessionOnly: true });
