import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstService, opened, portalSocket, type DemoService } from '@/test/helpers/demo-stack';
import { startPortalProcess, type PortalProcess } from '@/test/helpers/portal-process';
import { signIn } from '@/test/helpers/portal-session';
import { upgradeRefusal } from '@/test/helpers/upgrade-refusal';

// Two proxies in front (as behind a load balancer and an ingress); three log or shell sockets a user.
let portal: PortalProcess;
let fred: string;
let wilma: string;
let freds: DemoService;

beforeAll(async () => {
  portal = await startPortalProcess({ TRUST_PROXY: '2', WS_MAX_PER_USER: '3' });
  fred = await signIn(portal.url, 'fred');
  wilma = await signIn(portal.url, 'wilma');
  freds = await firstService(portal.url, fred);
}, 300_000);

afterAll(async () => {
  await portal?.stop();
});

/** A failed sign-in as `username`, sent through proxies that wrote `forwardedFor`. */
async function failedSignIn(username: string, forwardedFor: string): Promise<void> {
  const csrf = await fetch(`${portal.url}/api/auth/csrf`);
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  await fetch(`${portal.url}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, 'x-forwarded-for': forwardedFor },
    body: new URLSearchParams({ username, password: 'wrong', csrfToken, json: 'true' }),
    redirect: 'manual',
  });
}

async function recordedAddresses(actor: string, action: string): Promise<(string | null)[]> {
  const res = await fetch(`${portal.url}/api/v1/activity?actor=${actor}&action=${action}`, { headers: { cookie: wilma } });
  const { events } = (await res.json()) as { events: { clientAddress: string | null }[] };
  return events.map((e) => e.clientAddress);
}

/** A POST whose Host header names another site (fetch does not let a caller set Host). */
function postWithHost(path: string, host: string, origin: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${portal.url}${path}`, { method: 'POST', headers: { host, origin, cookie: fred, 'content-type': 'application/json' } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.once('error', reject);
    req.end('{}');
  });
}

describe('client address behind TRUST_PROXY=2', () => {
  it('is the second address from the right of X-Forwarded-For, for requests and websockets', async () => {
    // The client wrote 6.6.6.6 itself; the outer proxy appended the client (10.1.2.3), the inner one the outer.
    await failedSignIn('proxy-probe', '6.6.6.6, 10.1.2.3, 10.0.0.9');
    const logs = await opened(portalSocket(portal.url, `/api/v1/containers/${freds.containerId}/logs`, fred, { 'x-forwarded-for': '6.6.6.7, 10.1.2.4, 10.0.0.9' }));
    logs.close();
    await new Promise((r) => setTimeout(r, 300));
    expect(await recordedAddresses('proxy-probe', 'login.failure')).toEqual(['10.1.2.3']);
    expect(await recordedAddresses('fred', 'logs.open')).toContain('10.1.2.4');
    expect(await recordedAddresses('fred', 'logs.open')).not.toContain('6.6.6.7');
  });
});

describe('Origin check', () => {
  it('compares with the configured public URL, never with the request’s own Host', async () => {
    const path = `/api/v1/stacks/${freds.stackId}/services/${freds.serviceId}/upgrade`;
    expect(await postWithHost(path, 'evil.example', 'http://evil.example')).toBe(403);
    const socket = portalSocket(portal.url, '/api/v1/changes', fred, { host: 'evil.example', origin: 'http://evil.example' });
    expect((await upgradeRefusal(socket)).status).toBe(403);
  });
});

describe('websockets per user', () => {
  it('refuses log and shell sockets over WS_MAX_PER_USER with a 429 problem, and counts down as they close', async () => {
    const logsPath = `/api/v1/containers/${freds.containerId}/logs`;
    const open = await Promise.all([1, 2, 3].map(() => opened(portalSocket(portal.url, logsPath, fred))));
    const refused = await upgradeRefusal(portalSocket(portal.url, logsPath, fred));
    expect(refused.status).toBe(429);
    expect(JSON.parse(refused.body)).toMatchObject({ status: 429, detail: expect.stringContaining('3 log and shell') });
    expect((await upgradeRefusal(portalSocket(portal.url, `/api/v1/containers/${freds.containerId}/shell`, fred))).status).toBe(429);
    // Another user, and the changes feed, are not held back by fred's sockets.
    (await opened(portalSocket(portal.url, logsPath, wilma))).close();
    (await opened(portalSocket(portal.url, '/api/v1/changes', fred))).close();

    const first = open[0]!;
    await new Promise((r) => {
      first.once('close', r);
      first.close();
    });
    await new Promise((r) => setTimeout(r, 200));
    (await opened(portalSocket(portal.url, logsPath, fred))).close();
    for (const ws of open) ws.close();
  });
});

describe('stopping the demo portal', () => {
  it('exits within 3 s of SIGTERM while a signed-in user has a logs socket and the changes socket open, even unanswered', async () => {
    const demo = await startPortalProcess();
    try {
      const cookie = await signIn(demo.url, 'fred');
      const { containerId } = await firstService(demo.url, cookie);
      const sockets = [
        await opened(portalSocket(demo.url, `/api/v1/containers/${containerId}/logs`, cookie)),
        await opened(portalSocket(demo.url, '/api/v1/changes', cookie)),
      ];
      await new Promise((r) => setTimeout(r, 500));
      // As a laptop gone to sleep: the browser stops reading, so it never answers the close frame.
      for (const ws of sockets) (ws as unknown as { _socket: { pause(): void } })._socket.pause();
      const exited = new Promise<number | null>((done) => demo.child.once('exit', done));
      const started = Date.now();
      demo.child.kill('SIGTERM');
      const code = await exited;
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(code).toBe(0);
      for (const ws of sockets) ws.terminate();
    } finally {
      await demo.stop();
    }
  }, 120_000);
});
