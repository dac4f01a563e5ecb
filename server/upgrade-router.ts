import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { STATUS_CODES } from 'node:http';
import type { WebSocket, WebSocketServer } from 'ws';
import type { Logger } from '@/lib/log/logger';
import { clientAddressOf } from '@/lib/http/client-address';
import { isAllowedOrigin } from '@/lib/http/origin';
import { isPlainPath, malformedPathMessage } from '@/lib/http/request-path';
import { requestIdFrom, requestIdHeader } from '@/lib/http/request-id';
import { trackOpenWebsocket } from '@/lib/metrics/portal-metrics';

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
  /** Refuses the handshake with an HTTP status and a problem body. */
  reject(status: number, detail: string): void;
}

export interface UpgradeRoute {
  name: string;
  pattern: RegExp;
  handle(ctx: UpgradeContext): void | Promise<void>;
}

/** Writes an HTTP error on a socket that never became a websocket, then closes it. */
export function rejectUpgrade(socket: Duplex, status: number, detail: string, requestId: string): void {
  if (socket.destroyed) return;
  const title = STATUS_CODES[status] ?? 'Error';
  const body = JSON.stringify({ type: 'about:blank', title, status, detail, instance: requestId });
  socket.end(
    `HTTP/1.1 ${status} ${title}\r\n` +
      'Connection: close\r\n' +
      'Content-Type: application/problem+json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      `X-Request-Id: ${requestId}\r\n\r\n${body}`,
  );
  socket.destroy();
}

/**
 * Routes websocket upgrades. Undecodable paths get 400, unknown paths 404 and foreign origins 403
 * before any route handler runs, so a handler only ever sees requests from our own pages. `passThrough` hands matching paths to
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
      rejectUpgrade(socket, 400, malformedPathMessage, requestId);
      return;
    }
    const route = options.routes.find((r) => r.pattern.test(url.pathname));
    if (!route) {
      log.info({ status: 404 }, 'websocket upgrade to an unknown path');
      rejectUpgrade(socket, 404, `No websocket endpoint at ${url.pathname}.`, requestId);
      return;
    }
    if (!isAllowedOrigin(req.headers.origin, options.allowedOrigins)) {
      log.warn({ status: 403, origin: req.headers.origin ?? null }, 'websocket upgrade from a foreign origin');
      rejectUpgrade(socket, 403, 'Websockets are only accepted from the portal’s own pages.', requestId);
      return;
    }
    const params = (route.pattern.exec(url.pathname) ?? []).slice(1).map((p) => decodeURIComponent(p ?? ''));
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
            trackOpenWebsocket(route.name, ws);
            resolve(ws);
          }),
        ),
      reject: (status, detail) => rejectUpgrade(socket, status, detail, requestId),
    };
    Promise.resolve()
      .then(() => route.handle(ctx))
      .catch((err: unknown) => {
      log.error({ err }, 'websocket route failed');
      rejectUpgrade(socket, 500, 'The portal hit an unexpected error.', requestId);
    });
  };
}
