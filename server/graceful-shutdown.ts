import type { Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';
import type { Logger } from '@/lib/log/logger';
import { closePolicyCheckPool } from '@/lib/policy-worker/policy-check-pool';

/** Close code for "going away" (RFC 6455 7.4.1): the server is shutting down. */
export const goingAway = 1001;

/**
 * How long a websocket client gets to answer our close frame. One that has stopped reading (a laptop
 * gone to sleep, a frozen tab) never answers, and must not hold the stop for the whole drain.
 */
const websocketCloseGraceMs = 1_000;

/**
 * Tracks in-flight requests so a stop can drain them: no new connections, websockets closed with 1001
 * (cut after a short grace), idle keep-alive sockets dropped at once, busy ones after their response
 * (or after `timeoutMs`); then the policy worker threads stop.
 */
export function trackInFlight(server: Server) {
  const inFlight = new Set<ServerResponse>();
  server.on('request', (_req, res: ServerResponse) => {
    inFlight.add(res);
    res.on('close', () => inFlight.delete(res));
  });
  // Upgraded sockets leave the HTTP server's bookkeeping, yet its close() waits for them: one whose
  // route is still deciding (or that was never accepted) would keep the stop waiting without end.
  const upgraded = new Set<Duplex>();
  server.on('upgrade', (_req, socket: Duplex) => {
    upgraded.add(socket);
    socket.once('close', () => upgraded.delete(socket));
  });

  async function drain(options: { wss: WebSocketServer; log: Logger; timeoutMs: number }): Promise<void> {
    const { wss, log, timeoutMs } = options;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();

    const started = Date.now();
    while ((inFlight.size > 0 || wss.clients.size > 0) && Date.now() - started < timeoutMs) {
      const isPastGrace = Date.now() - started >= websocketCloseGraceMs;
      // Sockets accepted after the stop began get their close frame here too.
      for (const ws of wss.clients) {
        if (isPastGrace) ws.terminate();
        else if (ws.readyState === ws.OPEN) ws.close(goingAway, 'server shutting down');
      }
      await new Promise((r) => setTimeout(r, 25));
      server.closeIdleConnections();
    }
    if (inFlight.size > 0) log.warn({ requests: inFlight.size }, 'shutdown timeout: closing busy connections');
    for (const ws of wss.clients) ws.terminate();
    server.closeAllConnections();
    for (const socket of upgraded) socket.destroy();
    await closed;
    await closePolicyCheckPool();
  }

  return { inFlight, drain };
}
