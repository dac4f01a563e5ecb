import type { Server, ServerResponse } from 'node:http';
import type { WebSocketServer } from 'ws';
import type { Logger } from '@/lib/log/logger';
import { closePolicyCheckPool } from '@/lib/policy-worker/policy-check-pool';

/** Close code for "going away" (RFC 6455 7.4.1): the server is shutting down. */
export const goingAway = 1001;

/**
 * Tracks in-flight requests so a stop can drain them: no new connections, websockets closed with 1001,
 * idle keep-alive sockets dropped at once, busy ones after their response (or after `timeoutMs`);
 * then the policy worker threads stop.
 */
export function trackInFlight(server: Server) {
  const inFlight = new Set<ServerResponse>();
  server.on('request', (_req, res: ServerResponse) => {
    inFlight.add(res);
    res.on('close', () => inFlight.delete(res));
  });

  async function drain(options: { wss: WebSocketServer; log: Logger; timeoutMs: number }): Promise<void> {
    const { wss, log, timeoutMs } = options;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const ws of wss.clients) ws.close(goingAway, 'server shutting down');
    server.closeIdleConnections();

    const deadline = Date.now() + timeoutMs;
    // Websockets leave the set once the client answers the close frame.
    while ((inFlight.size > 0 || wss.clients.size > 0) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 25));
      server.closeIdleConnections();
    }
    if (inFlight.size > 0 || wss.clients.size > 0) {
      log.warn({ requests: inFlight.size, websockets: wss.clients.size }, 'shutdown timeout: closing busy connections');
    }
    for (const ws of wss.clients) ws.terminate();
    server.closeAllConnections();
    await closed;
    await closePolicyCheckPool();
  }

  return { inFlight, drain };
}
