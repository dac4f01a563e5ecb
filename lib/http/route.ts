import 'server-only';
import { cookies } from 'next/headers';
import type { NextRequest } from 'next/server';
import { env } from '@/lib/config/env';
import { BadRequestError, ForbiddenError, UnauthenticatedError, UnsupportedMediaTypeError } from '@/lib/domain/errors/app-error';
import { problemResponse } from '@/lib/domain/errors/problem';
import type { SessionUser } from '@/lib/domain/access/session-user';
import { portalLogger } from '@/lib/log/portal-logger';
import type { Logger } from '@/lib/log/logger';
import { limitedBodyText } from './body-limit';
import { clientAddressHeader } from '@/lib/request/client-address';
import { isAllowedOrigin } from './origin';
import { requestIdFrom, requestIdHeader } from '@/lib/request/request-id';
import { getSession } from '@/lib/auth/session';
import { hasAuthorization, resolveCaller } from '@/lib/tokens/request-caller';

export interface RouteContext<P> {
  req: NextRequest;
  params: P;
  user: SessionUser;
  requestId: string;
  clientAddress: string;
  log: Logger;
}

const mutating = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface RouteOptions {
  /** Refuse personal API tokens (403): what only a signed-in browser may do, such as making tokens. */
  browserSessionOnly?: boolean;
}

/**
 * Wraps a route handler: request id and child logger, a signed-in user or API token (401 otherwise),
 * same-origin and JSON checks for mutating requests (403/415, against cross-site form posts; a bearer
 * token is no ambient credential, so it needs no Origin), and one mapping of anything thrown to
 * problem+json (STYLE.md 2.2).
 */
export function route<P = Record<string, never>>(handler: (ctx: RouteContext<P>) => Promise<Response>, options: RouteOptions = {}) {
  return async (req: NextRequest, context: { params: Promise<P> }): Promise<Response> => {
    const requestId = requestIdFrom(req.headers.get(requestIdHeader));
    const clientAddress = req.headers.get(clientAddressHeader) ?? 'unknown';
    let log = portalLogger().child({ reqId: requestId, route: `${req.method} ${req.nextUrl.pathname}` });
    try {
      const authorization = req.headers.get('authorization');
      if (mutating.has(req.method)) checkMutation(req, hasAuthorization(authorization));
      const cookieNames = (await cookies()).getAll().map((c) => c.name);
      const caller = await resolveCaller({ authorization, cookieNames, clientAddress, session: getSession });
      if (!caller) throw new UnauthenticatedError('Sign in to use the portal.');
      if (caller.kind === 'token' && options.browserSessionOnly) {
        throw new ForbiddenError('This needs a browser session: sign in to the portal’s pages; an API token cannot do it.');
      }
      const user = caller.user;
      log = log.child({ uid: user.uid, ...(caller.kind === 'token' ? { tokenId: caller.id } : {}) });
      const params = await context.params;
      return await handler({ req, params, user, requestId, clientAddress, log });
    } catch (err) {
      const { response, isUnexpected } = problemResponse(err, requestId);
      if (isUnexpected) log.error({ err }, 'route failed');
      return response;
    }
  };
}

function checkMutation(req: NextRequest, isBearer: boolean): void {
  const config = env();
  if (!isBearer && !isAllowedOrigin(req.headers.get('origin'), [config.NEXTAUTH_URL, ...config.ALLOWED_ORIGINS])) {
    throw new ForbiddenError('Changes are only accepted from the portal’s own pages (same-origin Origin header).');
  }
  const type = req.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') throw new UnsupportedMediaTypeError('Send the request body as application/json.');
}

/** Reads a JSON body of at most 1 MiB (413 beyond); an unparsable one is a 400 naming the body. */
export async function jsonBody(req: Request): Promise<unknown> {
  const text = await limitedBodyText(req);
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new BadRequestError('The request body is not valid JSON.', { errors: [{ path: '(body)', message: 'not valid JSON' }] });
  }
}
