import type { IncomingMessage } from 'node:http';
import WebSocket from 'ws';
import type { ContainerView } from '../../lib/domain/stacks/stack-schemas';
import { CliError } from './cli-errors';
import { authFailure, type PortalSettings } from './portal-client';

export interface LogsIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Aborted on Ctrl-C: the sockets close and the command ends without an error. */
  signal: AbortSignal;
}

/** The websocket URL of a container's log stream (DESIGN.md: `/api/v1/containers/{id}/logs`). */
export function logsUrl(baseUrl: string, containerId: string, tail: number, follow: boolean): string {
  const url = new URL(`${baseUrl}/api/v1/containers/${encodeURIComponent(containerId)}/logs`);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('tail', String(tail));
  url.searchParams.set('follow', follow ? '1' : '0');
  return url.toString();
}

/** One text frame as a line for stdout or a note for stderr (`dropped`), or nothing for frames it does not know. */
export function frameText(name: string, data: string): { stdout?: string; stderr?: string } {
  let frame: unknown;
  try {
    frame = JSON.parse(data);
  } catch {
    return {};
  }
  if (frame === null || typeof frame !== 'object') return {};
  const f = frame as { line?: unknown; type?: unknown; count?: unknown; message?: unknown };
  if (typeof f.line === 'string') return { stdout: `${name} | ${f.line}\n` };
  if (f.type === 'dropped') return { stderr: `${name}: ${String(f.count)} lines dropped (this end read too slowly)\n` };
  if (f.type === 'error' && typeof f.message === 'string') return { stderr: `${name}: ${f.message}\n` };
  return {};
}

function handshakeFailure(res: IncomingMessage, name: string): Promise<CliError> {
  return new Promise((resolve) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (text += chunk.slice(0, 4096)));
    res.on('end', () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(text) as Record<string, unknown>;
      } catch {
        // not problem+json: the status says enough
      }
      const status = res.statusCode ?? 0;
      const detail = typeof body.detail === 'string' ? `: ${body.detail}` : '';
      resolve(authFailure({ status, body }) ?? new CliError(`the logs of ${name} were refused (${status})${detail}`, status));
    });
  });
}

/** Streams one container's log until the socket ends (or, following, until aborted). */
function streamContainer(settings: PortalSettings, container: ContainerView, options: { tail: number; follow: boolean }, io: LogsIo): Promise<void> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(logsUrl(settings.baseUrl, container.id, options.tail, options.follow), {
      headers: { authorization: `Bearer ${settings.token}` },
      followRedirects: false,
      handshakeTimeout: 30_000,
    });
    const stop = () => ws.close(1000);
    io.signal.addEventListener('abort', stop, { once: true });
    // A refused handshake is reported with the portal's answer, not as the socket error that follows.
    let isRefused = false;
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      const text = frameText(container.name, data.toString());
      if (text.stdout) io.stdout(text.stdout);
      if (text.stderr) io.stderr(text.stderr);
    });
    ws.on('unexpected-response', (_req, res) => {
      isRefused = true;
      io.signal.removeEventListener('abort', stop);
      void handshakeFailure(res, container.name).then((err) => {
        reject(err);
        ws.terminate();
      });
    });
    ws.on('error', (err) => {
      if (!isRefused) reject(new CliError(`the log stream of ${container.name} failed (${err.message})`));
    });
    ws.on('close', (code, reason) => {
      io.signal.removeEventListener('abort', stop);
      if (isRefused) return;
      if (code === 1000 || code === 1001 || code === 1005 || io.signal.aborted) resolve();
      else reject(new CliError(`the log stream of ${container.name} closed (${code}${reason.length > 0 ? `: ${reason.toString()}` : ''})`));
    });
  });
}

/** `spin-portal logs`: every container of the service at once, each line prefixed with its name. */
export async function streamLogs(settings: PortalSettings, containers: readonly ContainerView[], options: { tail: number; follow: boolean }, io: LogsIo): Promise<void> {
  const live = containers.filter((c) => c.state !== 'removed' && c.state !== 'purged');
  if (live.length === 0) {
    io.stderr('the service has no containers\n');
    return;
  }
  const results = await Promise.allSettled(live.map((c) => streamContainer(settings, c, options, io)));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}
