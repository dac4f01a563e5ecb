import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { ApiError } from '../api/api-error';
import type { ApiEnv } from '../api/api-env';
import { authenticate, defaultProjectId, visibleProjects } from '../api/auth';
import { projectUrl, requestContext } from '../api/request-context';
import { serveExec } from './exec-socket';
import { serveLogs } from './logs-socket';
import { StatsSampler } from '../stats/stats-curves';
import { serveStats } from '../stats/stats-socket';
import { FaultySocket } from './socket-faults';
import { serveSubscribe } from './subscribe-socket';

// Websocket upgrades. hostAccess sockets take the token from `?token=` (the CLI does not encode it)
// or `Authorization: Bearer`; a bad or expired token is a plain HTTP 401 before the upgrade, as
// websocket-proxy answers. The subscribe socket takes the same Basic auth as the API.

const reasons: Record<number, string> = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 502: 'Bad Gateway', 503: 'Service Unavailable' };

function refuse(socket: Duplex, status: number, text: string, contentType = 'text/plain'): void {
  socket.end(
    `HTTP/1.1 ${status} ${reasons[status] ?? 'Error'}\r\nContent-Type: ${contentType}\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
  );
}

function hostAccessToken(req: IncomingMessage, url: URL): string | null {
  const bearer = /^bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
  return url.searchParams.get('token') ?? bearer?.[1] ?? null;
}

export interface UpgradeOptions {
  pingMs: number;
}

export function createUpgradeHandler(
  env: ApiEnv,
  options: UpgradeOptions,
): { handle: (req: IncomingMessage, socket: Duplex, head: Buffer) => void; close: () => void; statsBytesSent: () => number } {
  const wss = new WebSocketServer({ noServer: true, handleProtocols: (protocols) => (protocols.has('binary') ? 'binary' : false) });
  const statsTraffic = { bytes: 0 };
  const sampler = new StatsSampler((profile) => (profile.crashLoop ? env.engine.clock.millisFor(profile.crashLoop.uptimeSeconds) : null));
  const accept = (req: IncomingMessage, socket: Duplex, head: Buffer, serve: (s: FaultySocket, binary: boolean) => void) => {
    const faults = { ...env.faults.value };
    wss.handleUpgrade(req, socket, head, (ws) => serve(new FaultySocket(ws, faults), ws.protocol === 'binary'));
  };

  const handle = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const ctx = requestContext(req);
    const path = ctx.url.pathname.replace(/\/+$/, '');
    const refusal = env.faults.projectDown(path) ? 503 : env.faults.value.ws_refuse_status;
    if (refusal !== null) {
      refuse(socket, refusal, refusal === 401 ? 'Failed authentication' : (reasons[refusal] ?? 'Error'));
      return;
    }
    if (path === '/v1/logs' || path === '/v1/exec') {
      const purpose = path === '/v1/logs' ? 'logs' : 'exec';
      const claims = env.tokens.verify(hostAccessToken(req, ctx.url), purpose);
      const container = claims ? env.world.containers.get(claims.containerId) : undefined;
      if (!claims || !container) {
        refuse(socket, 401, 'Failed authentication');
        return;
      }
      accept(req, socket, head, (s, binary) => (claims.purpose === 'logs' ? serveLogs(env, s, claims, container, binary) : serveExec(env, s, claims, container, binary)));
      return;
    }
    if (/^\/v1\/stats\/[^/]+$/.test(path)) {
      const auth = env.tokens.verify(hostAccessToken(req, ctx.url), 'stats-auth');
      if (!auth) {
        refuse(socket, 401, 'Failed authentication');
        return;
      }
      accept(req, socket, head, (s) => serveStats(env, sampler, s, auth.token, statsTraffic));
      return;
    }
    const scoped = /^\/v2-beta(?:\/projects\/([^/]+))?\/subscribe$/.exec(path);
    if (!scoped) {
      refuse(socket, 404, 'Not Found');
      return;
    }
    try {
      const key = authenticate(req, env.world);
      const projectId = scoped[1] ?? defaultProjectId(env.world, key);
      if (!env.world.projects.has(projectId)) throw ApiError.http(404);
      if (!visibleProjects(env.world, key, env.faults).some((p) => p.id === projectId)) throw ApiError.http(403);
      ctx.key = key;
      ctx.projectId = projectId;
      ctx.schemasUrl = `${projectUrl(ctx, projectId)}/schemas`;
      accept(req, socket, head, (s) => serveSubscribe(env, s, ctx, new Set(ctx.url.searchParams.getAll('eventNames')), options.pingMs));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      refuse(socket, err.status, JSON.stringify(err.body()), 'application/json');
    }
  };
  const close = () => {
    for (const client of wss.clients) client.terminate();
    wss.close();
  };
  return { handle, close, statsBytesSent: () => statsTraffic.bytes };
}
