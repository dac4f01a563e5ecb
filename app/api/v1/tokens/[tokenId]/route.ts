import { getAuditStore } from '@/lib/audit/get-audit-store';
import { tokenIdParam } from '@/lib/domain/tokens/token-schemas';
import { route } from '@/lib/http/route';
import { requesterOf } from '@/lib/sessions/session-actions';
import { revokeToken } from '@/lib/tokens/token-actions';

/** Revokes one of the caller's tokens, or, for staff, anyone's (404 otherwise). */
export const DELETE = route<{ tokenId: string }>(async (ctx) => {
  const { tokenId } = tokenIdParam.parse(ctx.params);
  await revokeToken(await getAuditStore(), ctx.user, tokenId, requesterOf(ctx));
  return new Response(null, { status: 204 });
}, { browserSessionOnly: true });
