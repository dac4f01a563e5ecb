import { getAuditStore } from '@/lib/audit/get-audit-store';
import { createTokenInput, listTokensQuery } from '@/lib/domain/tokens/token-schemas';
import { jsonBody, route } from '@/lib/http/route';
import { requesterOf } from '@/lib/sessions/session-actions';
import { rancherBackend } from '@/lib/stacks/rancher-backend';
import { listVisibleStacks } from '@/lib/stacks/visible-stacks';
import { createToken, listTokens } from '@/lib/tokens/token-actions';

// Tokens are made, listed and revoked from a signed-in browser only: a token cannot mint tokens.
const browserOnly = { browserSessionOnly: true };

/** Makes a personal API token; the answer is the only time its secret is shown. */
export const POST = route(async (ctx) => {
  const input = createTokenInput.parse(await jsonBody(ctx.req));
  const visible = input.stackIds ? (await listVisibleStacks(rancherBackend(), ctx.user)).stacks.map((s) => s.id) : [];
  const created = await createToken(await getAuditStore(), ctx.user, input, visible, requesterOf(ctx));
  return Response.json(created, { status: 201 });
}, browserOnly);

/** The caller's tokens (never their secrets); staff pass `?all=1` for everyone's. */
export const GET = route(async (ctx) => {
  const { all } = listTokensQuery.parse(Object.fromEntries(ctx.req.nextUrl.searchParams));
  return Response.json({ tokens: await listTokens(await getAuditStore(), ctx.user, all === '1') });
}, browserOnly);
