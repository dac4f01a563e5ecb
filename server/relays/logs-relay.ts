import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import type { LogLine } from '@/lib/domain/rancher/types';
import { logsQuery, type LogSocketFrame } from '@/lib/domain/sockets/log-frames';
import type { UpgradeContext, UpgradeRoute } from '../upgrade-router';
import { openContainerSession } from './container-session';
import { processRelayServices, type RelayServices } from './relay-context';

/** Above this many bytes waiting for the browser, stop reading from Rancher. */
const highWaterBytes = 256 * 1024;
/** A browser that stays behind this long loses lines instead of holding the stream back without end. */
const maxStallMs = 1_000;

/**
 * Sends a frame. While the browser keeps up that is all; when it is behind, resolves once this frame
 * has been handed to the network (so Rancher is not read meanwhile), or false after `maxStallMs`.
 */
function send(ws: WebSocket, frame: string): true | Promise<boolean> {
  if (ws.bufferedAmount < highWaterBytes) {
    ws.send(frame);
    return true;
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), maxStallMs);
    ws.send(frame, () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Lines arrive in batches (one Rancher frame holds many); their frames go out in one write per batch
 * instead of one system call per line. `ws` keeps its socket private, hence the cast.
 */
function coalescingWrites(ws: WebSocket): () => void {
  const socket = (ws as unknown as { _socket?: Socket })._socket;
  let isCorked = false;
  return () => {
    if (!socket || isCorked) return;
    isCorked = true;
    socket.cork();
    setImmediate(() => {
      isCorked = false;
      socket.uncork();
    });
  };
}

/**
 * Relays a container's log lines to the browser as DESIGN.md's JSON frames. A slow browser first holds
 * the stream back (Rancher is not read while the socket's buffer is full); if it stays behind, lines
 * are dropped and counted in one `{"type":"dropped"}` frame, so memory per connection stays bounded.
 */
async function relay(ws: WebSocket, batches: AsyncIterable<LogLine[]>, counts: { sent: number; dropped: number }): Promise<void> {
  let dropping = false;
  let gap = 0;
  const coalesce = coalescingWrites(ws);
  for await (const batch of batches) {
    coalesce();
    for (const line of batch) {
      if (ws.readyState !== ws.OPEN) return;
      if (dropping) {
        if (ws.bufferedAmount >= highWaterBytes / 2) {
          gap++;
          counts.dropped++;
          continue;
        }
        ws.send(JSON.stringify({ type: 'dropped', count: gap } satisfies LogSocketFrame));
        dropping = false;
        gap = 0;
      }
      counts.sent++;
      const sent = send(ws, JSON.stringify(line satisfies LogSocketFrame));
      if (sent !== true && !(await sent)) dropping = true;
    }
  }
}

async function handle(upgrade: UpgradeContext, services: RelayServices): Promise<void> {
  const session = await openContainerSession(upgrade, { kind: 'logs', query: logsQuery, queryHint: 'tail must be a number of lines or "all"; follow 0 or 1.' }, services);
  if (!session) return;
  const { ws, ctx, access, query: asked } = session;
  await session.recordOpen({ outcome: 'ok', details: { tail: asked.tail, follow: asked.follow } });

  const abort = new AbortController();
  ws.on('close', () => abort.abort());
  ws.on('error', () => abort.abort());
  const counts = { sent: 0, dropped: 0 };
  let failure: string | null = null;
  try {
    await relay(ws, ctx.backend.openLogBatches(access.container, { tail: asked.tail, follow: asked.follow, signal: abort.signal }), counts);
    if (ws.readyState === ws.OPEN) ws.close(1000, asked.follow ? 'the container stopped' : 'end of log');
  } catch (err) {
    if (!abort.signal.aborted) {
      failure = err instanceof Error ? err.message : String(err);
      ctx.log.warn({ containerId: access.container.id, err: failure }, 'log relay failed');
      if (ws.readyState === ws.OPEN) ws.close(1011, 'Rancher stopped sending logs; reconnect to resume.');
    }
  } finally {
    abort.abort();
    await session.recordClose({
      outcome: failure ? 'failed' : 'ok',
      code: failure ? 'upstream' : null,
      details: { linesSent: counts.sent, linesDropped: counts.dropped },
    });
  }
}

/** The logs endpoint with the process's (or a test's) session check, Rancher and audit store. */
export function logsRelay(services: RelayServices = processRelayServices): UpgradeRoute {
  return { name: 'logs', pattern: /^\/api\/v1\/containers\/([^/]+)\/logs$/, handle: (upgrade) => handle(upgrade, services) };
}

export const logsRoute = logsRelay();
