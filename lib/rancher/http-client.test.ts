import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isNoAnswer, RancherNotFoundError, RancherProtocolError, RancherUnavailableError } from './errors';
import { RancherHttpClient } from './http-client';

// A scripted stand-in for Rancher: each test sets how the next requests are answered.
type Handler = (req: IncomingMessage, res: ServerResponse, n: number) => void;
let server: Server;
let base: string;
let handler: Handler;
let seen: { method: string; url: string; authorization: string | undefined; body: string }[];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization, body });
      handler(req, res, seen.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen = [];
});

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function client(timeoutMs = 2000): RancherHttpClient {
  return new RancherHttpClient({ url: `${base}/v2-beta/`, accessKey: 'AK', secretKey: 'SK', connectTimeoutMs: 1000, timeoutMs, retry: { tries: 3, baseDelayMs: 1 } });
}

const thing = z.object({ id: z.string() });
const what = { what: 'thing t1' };

describe('RancherHttpClient', () => {
  it('sends Basic auth with the portal key and validates the answer', async () => {
    handler = (_req, res) => json(res, 200, { id: 't1', extra: true });
    const c = client();
    await expect(c.get(c.url('/things/t1'), thing, what)).resolves.toEqual({ id: 't1' });
    expect(seen[0]?.authorization).toBe(`Basic ${Buffer.from('AK:SK').toString('base64')}`);
    expect(seen[0]?.url).toBe('/v2-beta/things/t1');
    c.close();
  });

  it('retries a GET on 503 and succeeds on the third try', async () => {
    handler = (_req, res, n) => (n < 3 ? json(res, 503, { type: 'error', status: 503, code: 'Service Unavailable' }) : json(res, 200, { id: 't1' }));
    const c = client();
    await expect(c.get(c.url('/things/t1'), thing, what)).resolves.toEqual({ id: 't1' });
    expect(seen).toHaveLength(3);
    c.close();
  });

  it('gives up after three tries', async () => {
    handler = (_req, res) => json(res, 502, { type: 'error', status: 502, code: 'Bad Gateway' });
    const c = client();
    await expect(c.get(c.url('/things/t1'), thing, what)).rejects.toBeInstanceOf(RancherUnavailableError);
    expect(seen).toHaveLength(3);
    c.close();
  });

  it('retries a GET whose connection was reset', async () => {
    handler = (req, res, n) => (n === 1 ? req.socket.destroy() : json(res, 200, { id: 't1' }));
    const c = client();
    await expect(c.get(c.url('/things/t1'), thing, what)).resolves.toEqual({ id: 't1' });
    expect(seen).toHaveLength(2);
    c.close();
  });

  it('does not retry 500 or 404', async () => {
    handler = (_req, res) => json(res, 500, { type: 'error', status: 500, code: 'Internal Server Error' });
    const c = client();
    await expect(c.get(c.url('/things/t1'), thing, what)).rejects.toBeInstanceOf(RancherProtocolError);
    handler = (_req, res) => json(res, 404, { type: 'error', status: 404, code: 'Not Found' });
    await expect(c.get(c.url('/things/t1'), thing, what)).rejects.toBeInstanceOf(RancherNotFoundError);
    expect(seen).toHaveLength(2);
    c.close();
  });

  it('never retries an action', async () => {
    handler = (_req, res) => json(res, 503, { type: 'error', status: 503, code: 'Service Unavailable' });
    const c = client();
    await expect(c.post(c.url('/things/t1/', { action: 'restart' }), { a: 1 }, thing, what)).rejects.toBeInstanceOf(RancherUnavailableError);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/v2-beta/things/t1/?action=restart', body: '{"a":1}' });
    c.close();
  });

  it('times out a slow answer as unavailable, without retrying', async () => {
    handler = (_req, res) => setTimeout(() => json(res, 200, { id: 't1' }), 500);
    const c = client(100);
    const started = Date.now();
    const err = await c.get(c.url('/things/t1'), thing, what).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RancherUnavailableError);
    expect((err as RancherUnavailableError).rancher.code).toBe('ETIMEDOUT');
    expect(Date.now() - started).toBeLessThan(450);
    expect(seen).toHaveLength(1);
    c.close();
  });

  it('tells an action whose answer never came (Rancher may have done it) from one Rancher never saw', async () => {
    const c = client(100);
    const restart = () => c.post(c.url('/things/t1/', { action: 'restart' }), {}, thing, what).catch((e: unknown) => e);
    handler = (_req, res) => setTimeout(() => json(res, 200, { id: 't1' }), 500);
    const timedOut = await restart();
    expect(isNoAnswer(timedOut)).toBe(true);
    expect((timedOut as RancherUnavailableError).rancher.code).toBe('ETIMEDOUT');
    handler = (req) => req.socket.destroy();
    expect(isNoAnswer(await restart())).toBe(true);
    handler = (_req, res) => json(res, 504, { type: 'error', status: 504, code: 'Gateway Timeout' });
    expect(isNoAnswer(await restart())).toBe(true);

    handler = (_req, res) => json(res, 503, { type: 'error', status: 503, code: 'Service Unavailable' });
    const unavailable = await restart();
    expect(unavailable).toBeInstanceOf(RancherUnavailableError);
    expect(isNoAnswer(unavailable)).toBe(false);
    handler = (_req, res) => json(res, 422, { type: 'error', status: 422, code: 'ActionNotAvailable' });
    expect(isNoAnswer(await restart())).toBe(false);
    handler = (_req, res) => setTimeout(() => json(res, 200, { id: 't1' }), 500);
    expect(isNoAnswer(await c.get(c.url('/things/t1'), thing, what).catch((e: unknown) => e))).toBe(false);
    c.close();
  });

  it('reports a refused connection as unavailable', async () => {
    const c = new RancherHttpClient({ url: 'http://127.0.0.1:1', accessKey: 'a', secretKey: 'b', connectTimeoutMs: 500, timeoutMs: 1000 });
    const err = await c.get(c.url('/x'), thing, what).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RancherUnavailableError);
    expect((err as RancherUnavailableError).rancher.code).toBe('ECONNREFUSED');
    expect(isNoAnswer(await c.post(c.url('/x/', { action: 'restart' }), {}, thing, what).catch((e: unknown) => e))).toBe(false);
    c.close();
  });

  it('turns a malformed answer into a protocol error naming the field', async () => {
    handler = (_req, res) => json(res, 200, { id: 42 });
    const c = client();
    const err = await c.get(c.url('/things/t1'), thing, what).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RancherProtocolError);
    expect((err as RancherProtocolError).rancher.message).toMatch(/\/v2-beta\/things\/t1 id: /);
    handler = (_req, res) => res.end('not json');
    await expect(c.get(c.url('/things/t1'), thing, what)).rejects.toBeInstanceOf(RancherProtocolError);
    c.close();
  });

  it('follows next to the end, passing filters as query parameters and keeping to its own origin', async () => {
    handler = (req, res) => {
      const url = new URL(req.url ?? '', base);
      const marker = Number(url.searchParams.get('marker') ?? 0);
      // A next link naming another host must not receive the key: the client pins it to its origin.
      const next = marker < 2 ? `http://elsewhere.invalid:9${url.pathname}?name=web&limit=1000&marker=${marker + 1}` : null;
      json(res, 200, { type: 'collection', data: [{ id: `t${marker}` }], pagination: { next, limit: 1, partial: next !== null } });
    };
    const c = client();
    const rows = await c.list('/things', thing, { name: 'web', state_ne: ['inactive', 'stopped'] }, what);
    expect(rows.map((r) => r.id)).toEqual(['t0', 't1', 't2']);
    expect(seen.map((s) => s.url)).toEqual([
      '/v2-beta/things?limit=1000&name=web&state_ne=inactive&state_ne=stopped',
      '/v2-beta/things?name=web&limit=1000&marker=1',
      '/v2-beta/things?name=web&limit=1000&marker=2',
    ]);
    c.close();
  });

  it('stops a next link that loops', async () => {
    handler = (req, res) => json(res, 200, { type: 'collection', data: [], pagination: { next: `${base}${req.url}` } });
    const c = client();
    await expect(c.list('/things', thing, {}, what)).rejects.toBeInstanceOf(RancherProtocolError);
    expect(seen).toHaveLength(1);
    c.close();
  });
});
