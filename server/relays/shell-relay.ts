import type { RawData, WebSocket } from 'ws';
import { env } from '@/lib/config/env';
import { shellClientMessage, shellQuery, type ShellServerMessage } from '@/lib/domain/sockets/shell-frames';
import type { UpgradeContext, UpgradeRoute } from '../upgrade-router';
import { openContainerSession } from './container-session';
import { processRelayServices, type RelayServices } from './relay-context';
import { wasClosedBySessionEnd } from './session-watch';
import { openShell } from './shell-session';

/** Above this many bytes waiting for the browser, stop reading the container's output. */
const highWaterBytes = 512 * 1024;
const keepAliveMs = 30_000;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function send(ws: WebSocket, message: ShellServerMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}

async function handle(upgrade: UpgradeContext, services: RelayServices): Promise<void> {
  const containerSession = await openContainerSession(upgrade, { kind: 'shell', query: shellQuery, queryHint: 'cols and rows must be whole numbers from 1 to 1000.' }, services);
  if (!containerSession) return;
  const { ws, ctx, access, query: size, openedAt } = containerSession;
  const containerId = access.container.id;
  const config = env();
  const counts = { bytesIn: 0, bytesOut: 0 };

  let shell;
  try {
    shell = await openShell(ctx.backend, access.container, size);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await containerSession.recordOpen({ outcome: 'failed', code: 'upstream' });
    send(ws, { type: 'error', message: `The shell could not be opened: ${message}` });
    ws.close(1011, 'shell could not be opened');
    return;
  }
  await containerSession.recordOpen({ outcome: 'ok', details: { shell: shell.shell, cols: size.cols, rows: size.rows } });
  send(ws, { type: 'ready', shell: shell.shell, idleTimeoutMs: config.SHELL_IDLE_TIMEOUT_MS, maxSessionMs: config.SHELL_MAX_SESSION_MS });

  const { session } = shell;
  let closeReason = 'closed by the user';
  let lastInput = Date.now();
  let warned = false;

  shell.attach((data) => {
    counts.bytesOut += data.length;
    if (ws.readyState !== ws.OPEN) return;
    ws.send(data);
    // The browser is behind: stop reading the container until it catches up.
    if (ws.bufferedAmount > highWaterBytes) session.pause();
  });
  session.onClose((code) => {
    if (code === 1000 || code === 1005) {
      closeReason = 'the shell exited';
      send(ws, { type: 'exit', code: 0 });
      ws.close(1000, 'shell exited');
    } else {
      closeReason = 'the connection to the container was lost';
      send(ws, { type: 'error', message: 'The connection to the container was lost. Reconnect to open a new shell.' });
      ws.close(1011, 'container connection lost');
    }
  });
  ws.on('message', (data: RawData, isBinary: boolean) => {
    // Once a close has begun (session ended, idle, maximum length), nothing more reaches the container.
    if (ws.readyState !== ws.OPEN) return;
    const bytes = Buffer.isBuffer(data) ? data : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]);
    if (isBinary) {
      counts.bytesIn += bytes.length;
      lastInput = Date.now();
      warned = false;
      session.write(bytes);
      return;
    }
    const message = shellClientMessage.safeParse(parseJson(bytes.toString('utf8')));
    if (message.success) session.resize(message.data.cols, message.data.rows);
    else send(ws, { type: 'error', message: 'Unknown control message: send {"type":"resize","cols":N,"rows":N}.' });
  });

  const timers = setInterval(() => {
    const now = Date.now();
    if (ws.bufferedAmount < highWaterBytes / 2) session.resume();
    const idleFor = now - lastInput;
    if (now - openedAt >= config.SHELL_MAX_SESSION_MS) {
      closeReason = 'the maximum session length was reached';
      send(ws, { type: 'error', message: 'This shell reached the maximum session length and was closed.' });
      ws.close(4000, 'maximum session length');
    } else if (idleFor >= config.SHELL_IDLE_TIMEOUT_MS) {
      closeReason = 'idle timeout';
      send(ws, { type: 'error', message: 'This shell was idle too long and was closed.' });
      ws.close(4001, 'idle timeout');
    } else if (!warned && idleFor >= config.SHELL_IDLE_TIMEOUT_MS - Math.min(60_000, config.SHELL_IDLE_TIMEOUT_MS / 2)) {
      warned = true;
      send(ws, { type: 'warning', message: 'This shell closes in one minute unless you type something.' });
    }
  }, 250);
  const pings = setInterval(() => ws.ping(), keepAliveMs);

  ws.on('close', () => {
    if (wasClosedBySessionEnd(ws)) closeReason = 'the session ended';
    clearInterval(timers);
    clearInterval(pings);
    session.close();
    ctx.log.info({ containerId, reason: closeReason, ...counts }, 'shell closed');
    void containerSession.recordClose({ outcome: 'ok', details: { shell: shell.shell, reason: closeReason, bytesIn: counts.bytesIn, bytesOut: counts.bytesOut } });
  });
}

/** The shell endpoint with the process's (or a test's) session check, Rancher and audit store. */
export function shellRelay(services: RelayServices = processRelayServices): UpgradeRoute {
  return { name: 'shell', pattern: /^\/api\/v1\/containers\/([^/]+)\/shell$/, handle: (upgrade) => handle(upgrade, services) };
}

export const shellRoute = shellRelay();
