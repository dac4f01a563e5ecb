import { connect } from 'node:net';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ForbiddenError } from '@/lib/domain/errors/app-error';
import { createLogger } from '@/lib/log/logger';
import { freePort } from '@/test/helpers/free-port';
import { upgradeRefusal } from '@/test/helpers/upgrade-refusal';
import { goingAway } from './graceful-shutdown';
import { createPortalServer, type PortalServer } from './portal-server';
import type { UpgradeRoute } from './upgrade-router';

const logLines: string[] = [];
const log = createLogger({
  level: 'debug',
  destination: new Writable({
    write(chunk, _enc, done) {
      logLines.push(String(chunk));
      done();
    },
  }),
});

// A route that echoes, standing in for the logs and shell relays that the router will serve.
const echoRoute: UpgradeRoute = {
  name: 'echo',
  pattern: /^\/api\/v1\/containers\/([^/]+)\/echo$/,
  async handle(ctx) {
    if (ctx.params[0] === 'forbidden') throw new ForbiddenError('no');
    if (ctx.params[0] === 'broken') throw new Error('a bug with a secret in it');
    const ws = await ctx.accept();
    if (ctx.params[0] === 'broken-after-accept') throw new Error('a bug after the handshake');
    ws.send(`hello ${ctx.params[0]}`);
    ws.on('message', (data) => ws.send(data.toString()));
  },
};

let portal: PortalServer | undefined;

async function start(handle: PortalServerHandler = (_req, res) => void res.end('next')) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  portal = createPortalServer({ log, handle, routes: [echoRoute], allowedOrigins: [base, 'https://portal.example'], trustProxy: 0 });
  await portal.listen(port, '127.0.0.1');
  return { base, ws: `ws://127.0.0.1:${port}`, port };
}
type PortalServerHandler = Parameters<typeof createPortalServer>[0]['handle'];

afterEach(async () => {
  await portal?.close();
  portal = undefined;
});

/** What the server answers to a hand-written request (fetch and ws only send well-formed targets). */
function rawRequest(port: number, requestLine: string, headers: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(`${requestLine}\r\nHost: x\r\n${headers}\r\n\r\n`));
    let text = '';
    socket.on('data', (d: Buffer) => (text += d.toString()));
    socket.on('close', () => resolve(text));
    socket.on('error', reject);
  });
}

function upgradeStatus(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return upgradeRefusal(new WebSocket(url, { headers }));
}

describe('portal server', () => {
  it('answers the health check itself', async () => {
    const { base } = await start();
    const res = await fetch(`${base}/api/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('passes other requests to Next with request id, client address and CSP nonce set', async () => {
    let seen: Record<string, unknown> = {};
    const { base } = await start((req, res) => {
      seen = { ...req.headers };
      res.end('ok');
    });
    const res = await fetch(`${base}/stacks`, { headers: { 'x-request-id': 'abc-123', 'x-portal-client-address': '6.6.6.6' } });
    expect(await res.text()).toBe('ok');
    expect(res.headers.get('x-request-id')).toBe('abc-123');
    expect(seen['x-request-id']).toBe('abc-123');
    expect(seen['x-portal-client-address']).toBe('127.0.0.1');
    expect(String(seen['content-security-policy'])).toBe(res.headers.get('content-security-policy'));
  });

  it('logs each request without cookies or authorization', async () => {
    const { base } = await start();
    logLines.length = 0;
    await fetch(`${base}/x?token=abc`, { headers: { cookie: 'next-auth.session-token=SECRET', authorization: 'Bearer SECRET' } });
    const line = logLines.find((l) => l.includes('"msg":"request"'));
    expect(line).toContain('"path":"/x"');
    expect(logLines.join('')).not.toContain('SECRET');
    expect(logLines.join('')).not.toContain('token=abc');
  });

  it('answers a target that is not a plain, decodable path with a problem+json 400 before Next sees it', async () => {
    let reachedNext = false;
    const { port } = await start((_req, res) => {
      reachedNext = true;
      res.end('next');
    });
    for (const target of ['/api/v1/stacks/%zz', '*', 'http://evil.example/api/v1/stacks']) {
      const reply = await rawRequest(port, `GET ${target} HTTP/1.1`, 'Connection: close');
      expect(reply.split('\r\n')[0], target).toBe('HTTP/1.1 400 Bad Request');
      expect(reply).toMatch(/content-type: application\/problem\+json/i);
    }
    expect(reachedNext).toBe(false);
  });

  it('turns a handler crash into a problem+json 500 with the request id', async () => {
    const { base } = await start(() => {
      throw new Error('boom');
    });
    const res = await fetch(`${base}/crash`, { headers: { 'x-request-id': 'crash-1' } });
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const body = await res.json();
    expect(body).toMatchObject({ status: 500, instance: 'crash-1' });
    expect(JSON.stringify(body)).not.toContain('boom');
  });
});

describe('websocket upgrade router', () => {
  it('rejects unknown paths with 404 before any route runs', async () => {
    const { ws } = await start();
    const { status, body } = await upgradeStatus(`${ws}/api/v1/nope`, { origin: 'https://portal.example' });
    expect(status).toBe(404);
    expect(JSON.parse(body)).toMatchObject({ status: 404 });
  });

  it.each([
    ['a foreign origin', { origin: 'https://evil.example' }],
    ['no origin', {}],
  ])('rejects %s with 403', async (_name, headers) => {
    const { ws } = await start();
    expect((await upgradeStatus(`${ws}/api/v1/containers/1i1/echo`, headers)).status).toBe(403);
  });

  it('refuses an origin that only matches the request’s own Host', async () => {
    const { ws, port } = await start();
    const headers = { host: `localhost:${port}`, origin: `http://localhost:${port}` };
    expect((await upgradeStatus(`${ws}/api/v1/containers/1i1/echo`, headers)).status).toBe(403);
  });

  it('accepts the configured origins', async () => {
    const { ws, base } = await start();
    for (const origin of [base, 'https://portal.example']) {
      const client = new WebSocket(`${ws}/api/v1/containers/1i7/echo`, { headers: { origin } });
      const first = await new Promise<string>((resolve, reject) => {
        client.once('message', (d) => resolve(d.toString()));
        client.once('error', reject);
      });
      expect(first).toBe('hello 1i7');
      client.close();
    }
  });

  it('refuses a target that is no URL with 400 instead of throwing outside any catch', async () => {
    const { base, port } = await start();
    const reply = await rawRequest(port, 'GET http://[ HTTP/1.1', 'Connection: Upgrade\r\nUpgrade: websocket');
    expect(reply.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
    expect((await fetch(`${base}/api/healthz`)).status).toBe(200);
  });

  it('lets a route refuse by throwing, answered by the one problem mapping', async () => {
    const { ws, base } = await start();
    const refused = await upgradeStatus(`${ws}/api/v1/containers/forbidden/echo`, { origin: base, 'x-request-id': 'req-refused-1' });
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body)).toEqual({ type: 'forbidden', title: 'Not allowed', status: 403, detail: 'no', instance: 'req-refused-1' });
  });

  it('answers a route’s unexpected error with the generic 500 problem, keeping the details in the log', async () => {
    const { ws, base } = await start();
    const refused = await upgradeStatus(`${ws}/api/v1/containers/broken/echo`, { origin: base });
    expect(refused.status).toBe(500);
    expect(JSON.parse(refused.body)).toMatchObject({ type: 'internal-error', status: 500 });
    expect(refused.body).not.toContain('secret');
    expect(logLines.some((line) => line.includes('a bug with a secret in it'))).toBe(true);
  });

  it('closes the websocket with 1011 when a route fails after the handshake', async () => {
    const { ws, base } = await start();
    const client = new WebSocket(`${ws}/api/v1/containers/broken-after-accept/echo`, { headers: { origin: base } });
    const code = await new Promise<number>((resolve) => client.once('close', (c) => resolve(c)));
    expect(code).toBe(1011);
  });
});

describe('graceful shutdown', () => {
  it('drains in-flight requests, refuses new ones and closes websockets with 1001', async () => {
    let release: () => void = () => undefined;
    const { base, ws } = await start((req, res) => {
      if (req.url === '/slow') {
        release = () => res.end('finished');
        return;
      }
      res.end('fast');
    });
    const client = new WebSocket(`${ws}/api/v1/containers/1i1/echo`, { headers: { origin: base } });
    await new Promise((r) => client.once('message', r));
    const closed = new Promise<number>((resolve) => client.once('close', (code) => resolve(code)));

    const slow = fetch(`${base}/slow`).then((r) => r.text());
    await new Promise((r) => setTimeout(r, 50));
    const closing = portal!.close();
    portal = undefined;

    expect(await closed).toBe(goingAway);
    await new Promise((r) => setTimeout(r, 50));
    await expect(fetch(`${base}/after`, { headers: { connection: 'close' } })).rejects.toThrow();
    release();
    expect(await slow).toBe('finished');
    await closing;
  });
});
