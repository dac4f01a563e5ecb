import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstService, portalSocket, type DemoService } from '@/test/helpers/demo-stack';
import { startPortalProcess, type PortalProcess } from '@/test/helpers/portal-process';
import { signIn } from '@/test/helpers/portal-session';
import { residentBytes } from '@/test/helpers/portal-world';
import { upgradeRefusal } from '@/test/helpers/upgrade-refusal';

let portal: PortalProcess;
let fred: string;
let freds: DemoService;

beforeAll(async () => {
  portal = await startPortalProcess();
  fred = await signIn(portal.url, 'fred');
  freds = await firstService(portal.url, fred);
}, 300_000);

afterAll(async () => {
  await portal?.stop();
});

async function expectProblem(res: Response, status: number): Promise<{ detail: string; errors?: { path: string; message: string }[] }> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  const body = (await res.json()) as { status: number; detail: string; errors?: { path: string; message: string }[] };
  expect(body.status).toBe(status);
  return body;
}

/** The status a chunked POST to `path` gets after its first chunk (the rest is never sent). */
function undeclaredLengthStatus(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${portal.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked' } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.on('error', reject);
    req.write('username=fred&');
  });
}

/** A chunked body (no Content-Length) of `total` bytes of JSON-ish text, streamed as a client sends it. */
function streamedBody(total: number): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= total) return controller.close();
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
}

describe('malformed percent-encoding', () => {
  it('answers 400 problem+json on requests and refuses the websocket with 400, with nothing thrown', async () => {
    for (const path of ['/api/v1/stacks/%zz', '/api/v1/stacks/1st%E0%A4%A']) {
      const { detail } = await expectProblem(await fetch(`${portal.url}${path}`, { headers: { cookie: fred } }), 400);
      expect(detail).toContain('percent-encoding');
    }
    const refused = await upgradeRefusal(portalSocket(portal.url, '/api/v1/containers/%zz/logs', fred));
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.body)).toMatchObject({ status: 400, detail: expect.stringContaining('percent-encoding') });
    expect(portal.output()).not.toContain('URIError');
  }, 20_000);
});

describe('request bodies', () => {
  it('refuses bodies over 1 MiB with 413 before reading them, and caps what an upgrade may carry', async () => {
    const url = `${portal.url}/api/v1/stacks/${freds.stackId}/services/${freds.serviceId}/upgrade`;
    const headers = { cookie: fred, origin: portal.url, 'content-type': 'application/json' };

    const declared = JSON.stringify({ launchConfig: { environment: { BIG: 'x'.repeat(2 * 1024 * 1024) } } });
    await expectProblem(await fetch(url, { method: 'POST', headers, body: declared }), 413);

    const before = await residentBytes(portal.child.pid!);
    const chunked = await fetch(url, { method: 'POST', headers, body: streamedBody(50 * 1024 * 1024), duplex: 'half' } as RequestInit);
    await expectProblem(chunked, 413);
    expect((await residentBytes(portal.child.pid!)) - before).toBeLessThan(40 * 1024 * 1024);

    // next-auth reads whatever arrives: a body of undeclared length never reaches it.
    expect(await undeclaredLengthStatus('/api/auth/callback/credentials')).toBe(411);
    expect(await undeclaredLengthStatus('/api/auth/session')).toBe(411);
    const flood = await fetch(`${portal.url}/api/auth/callback/credentials`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: streamedBody(50 * 1024 * 1024),
      duplex: 'half',
    } as RequestInit).catch(() => null);
    if (flood) await expectProblem(flood, 411);
    expect((await residentBytes(portal.child.pid!)) - before).toBeLessThan(40 * 1024 * 1024);

    // Under the body limit, the upgrade schema still caps the maps, naming the field.
    const variables = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`VAR_${i}`, 'x']));
    const tooMany = await expectProblem(await fetch(url, { method: 'POST', headers, body: JSON.stringify({ launchConfig: { environment: variables } }) }), 400);
    expect(tooMany.errors).toEqual([{ path: 'launchConfig.environment', message: 'at most 200 entries in one change; this has 201' }]);
    const tooLong = await expectProblem(await fetch(url, { method: 'POST', headers, body: JSON.stringify({ launchConfig: { labels: { note: 'x'.repeat(5000) } } }) }), 400);
    expect(tooLong.errors?.[0]?.path).toBe('launchConfig.labels.note');
  }, 60_000);
});

describe('caching', () => {
  it('marks private API answers, problems included, Cache-Control: no-store', async () => {
    const { stackId, serviceId } = freds;
    const paths = ['/api/v1/stacks', `/api/v1/stacks/${stackId}`, `/api/v1/stacks/${stackId}/services/${serviceId}`, `/api/v1/stacks/${stackId}/activity`, '/api/v1/stacks/1st99999'];
    for (const path of paths) {
      const res = await fetch(`${portal.url}${path}`, { headers: { cookie: fred } });
      expect(res.headers.get('cache-control'), path).toContain('no-store');
    }
    expect((await fetch(`${portal.url}/api/v1/stacks`)).headers.get('cache-control')).toContain('no-store');
  });
});

describe('unknown API paths', () => {
  it('answer a problem+json 404, not the HTML page', async () => {
    for (const [method, path] of [
      ['GET', '/api/v1/no-such-thing'],
      ['GET', '/api/nope'],
      ['POST', `/api/v1/stacks/${freds.stackId}/services/${freds.serviceId}/restart/now`],
    ] as const) {
      const res = await fetch(`${portal.url}${path}`, { method, headers: { cookie: fred, origin: portal.url, 'content-type': 'application/json' } });
      const { detail } = await expectProblem(res, 404);
      expect(detail).toBe(`No API endpoint at ${path}.`);
    }
  });
});
