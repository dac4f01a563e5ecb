import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { STATUS_CODES } from 'node:http';
import type { WebSocket, WebSocketServer } from 'ws';
import { BadRequestError, ForbiddenError, NotFoundError } from '@/lib/domain/errors/app-error';
import { problemContentType, retryAfterOf, toProblem } from '@/lib/domain/errors/problem';
import type { Logger } from '@/lib/log/logger';
import { clientAddressOf } from '@/lib/request/client-address';
import { isAllowedOrigin } from '@/lib/http/origin';
import { isPlainPath, malformedPathMessage } from '@/lib/http/request-path';
import { requestIdFrom, requestIdHeader } from '@/lib/request/request-id';
import { trackOpenWebsocket } from '@/lib/metrics/portal-metrics';
import { hasAuthorization } from '@/lib/tokens/request-caller';

export interface UpgradeContext {
  req: IncomingMessage;
  url: URL;
  /** The path's captured groups, e.g. the container id of /api/v1/containers/{id}/logs. */
  params: string[];
  requestId: string;
  clientAddress: string;
  log: Logger;
  /** Completes the handshake; the socket is then tracked for shutdown. */
  accept(): Promise<WebSocket>;
}

/**
 * A websocket endpoint. `handle` refuses an upgrade by throwing, as route handlers do: before `accept`
 * the error is answered as problem+json by lib/errors' one mapping; after it, the socket is closed.
 */
export interface UpgradeRoute {
  name: string;
  pattern: RegExp;
  /**
   * The route authenticates with credentials the client sends on purpose (Basic auth, a one-use token in
   * the URL), never with the cookie a browser attaches on its own, so a foreign page gains nothing from
   * it: the Origin check is skipped (the `rancher` CLI sends no Origin).
   */
  ownCredentials?: boolean;
  handle(ctx: UpgradeContext): void | Promise<void>;
}

/** Writes the problem of `err` on a socket that never became a websocket, then closes it. */
function rejectUpgrade(socket: Duplex, err: unknown, requestId: string): void {
  if (socket.destroyed) return;
  const { problem } = toProblem(err, requestId);
  const body = JSON.stringify(problem);
  const retryAfter = retryAfterOf(err);
  socket.end(
    `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status] ?? 'Error'}\r\n` +
      'Connection: close\r\n' +
      `Content-Type: ${problemContentType}\r\n` +
      'Cache-Control: no-store\r\n' +
      (retryAfter === undefined ? '' : `Retry-After: ${retryAfter}\r\n`) +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      `X-Request-Id: ${requestId}\r\n\r\n${body}`,
  );
  socket.destroy();
}

/**
 * Routes websocket upgrades. Undecodable paths get 400, unknown paths 404 and foreign origins 403 (unless
 * the request bears an API token) before any route handler runs, so a handler only ever sees requests from
 * our own pages or from a token's holder. `passThrough` hands matching paths to
 * another listener (Next's hot reload in development).
 */
export function createUpgradeHandler(options: {
  routes: readonly UpgradeRoute[];
  wss: WebSocketServer;
  log: Logger;
  allowedOrigins: readonly string[];
  trustProxy: number;
  passThrough?: { pattern: RegExp; handle(req: IncomingMessage, socket: Duplex, head: Buffer): void };
}) {
  return (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const requestId = requestIdFrom(req.headers[requestIdHeader]);
    // A target that is no URL at all (an absolute-form "http://[") must not throw here, outside any catch.
    const target = req.url ?? '/';
    const isUrl = URL.canParse(target, 'http://portal.invalid');
    const url = new URL(isUrl ? target : '/', 'http://portal.invalid');
    if (options.passThrough?.pattern.test(url.pathname)) {
      options.passThrough.handle(req, socket, head);
      return;
    }
    const log = options.log.child({ reqId: requestId, ws: url.pathname });
    socket.on('error', (err) => log.debug({ err: err.message }, 'upgrade socket error'));

    if (!isUrl || !isPlainPath(url.pathname)) {
      rejectUpgrade(socket, new BadRequestError(malformedPathMessage), requestId);
      return;
    }
    const route = options.routes.find((r) => r.pattern.test(url.pathname));
    if (!route) {
      log.info({ status: 404 }, 'websocket upgrade to an unknown path');
      rejectUpgrade(socket, new NotFoundError(`No websocket endpoint at ${url.pathname}.`), requestId);
      return;
    }
    // A bearer token is no ambient credential a foreign page could borrow: it needs no Origin.
    if (!route.ownCredentials && !hasAuthorization(req.headers.authorization) && !isAllowedOrigin(req.headers.origin, options.allowedOrigins)) {
      log.warn({ status: 403, origin: req.headers.origin ?? null }, 'websocket upgrade from a foreign origin');
      rejectUpgrade(socket, new ForbiddenError('Websockets are only accepted from the portal’s own pages.'), requestId);
      return;
    }
    const params = (route.pattern.exec(url.pathname) ?? []).slice(1).map((p) => decodeURIComponent(p ?? ''));
    let accepted: WebSocket | null = null;
    const ctx: UpgradeContext = {
      req,
      url,
      params,
      requestId,
      clientAddress: clientAddressOf(req, options.trustProxy),
      log: log.child({ route: route.name }),
      accept: () =>
        new Promise((resolve) =>
          options.wss.handleUpgrade(req, socket, head, (ws) => {
            accepted = ws;
            trackOpenWebsocket(route.name, ws);
            resolve(ws);
          }),
        ),
    };
    Promise.resolve()
      .then(() => route.handle(ctx))
      .catch((err: unknown) => {
        const { problem, isUnexpected } = toProblem(err, requestId);
        if (isUnexpected) log.error({ err }, 'websocket route failed');
        else log.info({ status: problem.status }, 'websocket upgrade refused');
        // Once the handshake is done the socket speaks websocket: an HTTP answer can no longer be written.
        if (accepted) accepted.close(1011, 'the portal hit an unexpected error');
        else rejectUpgrade(socket, err, requestId);
      });
  };
}
