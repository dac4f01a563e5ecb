import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { TLSSocket } from 'node:tls';
import { WebSocketServer } from 'ws';
import type { Logger } from '@/lib/log/logger';
import { requestIdFrom, requestIdHeader } from '@/lib/request/request-id';
import { newNonce, securityHeaders } from '@/lib/http/security-headers';
import { clientAddressHeader, clientAddressOf, firstHeaderValue } from '@/lib/request/client-address';
import { installPolicyWorker } from '@/lib/policy-worker/policy-check-pool';
import { bodyTooLarge, declaresTooLarge, lengthRequired, streamsUncountedBody } from '@/lib/http/body-limit';
import { BadRequestError } from '@/lib/domain/errors/app-error';
import { problemContentType, toProblem } from '@/lib/domain/errors/problem';
import { isPlainPath, malformedPathMessage, pathOf } from '@/lib/http/request-path';
import { observeRequest } from '@/lib/metrics/portal-metrics';
import { trackInFlight } from './graceful-shutdown';
import { policyWorkerScript } from './policy-worker-script';
import { isFacadePath } from '@/lib/facade/facade-http';
import { createUpgradeHandler, type UpgradeRoute } from './upgrade-router';

export interface PortalServerOptions {
  log: Logger;
  /** Next's request handler (or any handler, in tests). */
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;
  routes: readonly UpgradeRoute[];
  /** Rancher's own API for the `rancher` CLI (`/v2-beta`, `/v1-catalog`), answered before Next. */
  facade?: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  allowedOrigins: readonly string[];
  /** How many proxies in front append to X-Forwarded-For (TRUST_PROXY); 0 trusts none. */
  trustProxy: number;
  isDev?: boolean;
  /** Development only: Next's hot-reload websocket. */
  nextUpgrade?: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
  shutdownTimeoutMs?: number;
}

export interface PortalServer {
  server: Server;
  wss: WebSocketServer;
  listen(port: number, host: string): Promise<{ port: number; host: string }>;
  /** Stops accepting, closes websockets with 1001, drains in-flight requests. */
  close(): Promise<void>;
}

/** Answers with the problem+json of `err` (lib/domain/errors' one mapping; anything unexpected is a bare 500). */
function sendProblem(res: ServerResponse, err: unknown, requestId: string): void {
  const { problem } = toProblem(err, requestId);
  res.writeHead(problem.status, { 'content-type': problemContentType, 'cache-control': 'no-store' });
  res.end(JSON.stringify(problem));
}

/**
 * The custom server in front of Next: request ids, client address, security headers, the health check
 * and request logging for every response; websocket upgrades go through the upgrade router. Requests
 * Next would choke on (an undecodable path) or should not read (a body declared over 1 MiB) are
 * answered here.
 */
export function createPortalServer(options: PortalServerOptions): PortalServer {
  const { log, trustProxy } = options;
  // Policy checks run in worker threads that this server's build provides (started on first use).
  installPolicyWorker(policyWorkerScript());
  const server = createServer({ requestTimeout: 60_000 }, (req, res) => {
    const started = process.hrtime.bigint();
    const requestId = requestIdFrom(req.headers[requestIdHeader]);
    const isSecure = Boolean((req.socket as TLSSocket).encrypted) || (trustProxy > 0 && firstHeaderValue(req.headers['x-forwarded-proto']) === 'https');
    const address = clientAddressOf(req, trustProxy);
    const nonce = newNonce();
    const headers = securityHeaders({ nonce, isSecure, isDev: options.isDev });

    // Handlers downstream read these; a client must not be able to set them itself.
    req.headers[requestIdHeader] = requestId;
    req.headers[clientAddressHeader] = address;
    // Next reads the nonce from the request's CSP header and puts it on the scripts it inlines.
    req.headers['content-security-policy'] = headers['content-security-policy'];
    res.setHeader(requestIdHeader, requestId);
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);

    const path = pathOf(req.url);
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log.info({ reqId: requestId, method: req.method, path, status: res.statusCode, ms: Math.round(ms * 10) / 10 }, 'request');
      observeRequest(req.method, path, res.statusCode, ms / 1000);
    });

    if (path === '/api/healthz') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ status: 'ok' }));
      return;
    }
    if (!isPlainPath(path)) {
      sendProblem(res, new BadRequestError(malformedPathMessage), requestId);
      return;
    }
    const refusedBody = declaresTooLarge(req.headers['content-length']) ? bodyTooLarge() : streamsUncountedBody(path, req.headers) ? lengthRequired() : null;
    if (refusedBody) {
      // Unread, the body would still arrive: closing the connection spares reading it.
      res.setHeader('connection', 'close');
      sendProblem(res, refusedBody, requestId);
      return;
    }
    // API answers are private to the signed-in user; a route that may be cached says so itself.
    if (path.startsWith('/api/')) res.setHeader('cache-control', 'no-store');
    const handler = options.facade && isFacadePath(path) ? options.facade : options.handle;
    Promise.resolve()
      .then(() => handler(req, res))
      .catch((err: unknown) => {
      log.error({ reqId: requestId, err }, 'request handler failed');
      if (!res.headersSent) {
        sendProblem(res, err, requestId);
      } else {
        res.destroy();
      }
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 1 << 20 });
  server.on(
    'upgrade',
    createUpgradeHandler({
      routes: options.routes,
      wss,
      log,
      allowedOrigins: options.allowedOrigins,
      trustProxy,
      passThrough: options.nextUpgrade ? { pattern: /^\/_next\//, handle: options.nextUpgrade } : undefined,
    }),
  );
  const { drain } = trackInFlight(server);

  return {
    server,
    wss,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address();
          resolve({ port: typeof address === 'object' && address ? address.port : port, host });
        });
      }),
    close: () => drain({ wss, log, timeoutMs: options.shutdownTimeoutMs ?? 10_000 }),
  };
}
