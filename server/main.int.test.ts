import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { generateFixture } from '@/sim/fixture/generate-fixture';
import { ensurePortalBuilt, startPortalProcess, type PortalProcess } from '@/test/helpers/portal-process';
import { signIn } from '@/test/helpers/portal-session';
import { startPortalWorld } from '@/test/helpers/portal-world';
import { upgradeRefusal } from '@/test/helpers/upgrade-refusal';

const root = resolve(__dirname, '..');
let portal: PortalProcess;

beforeAll(async () => {
  portal = await startPortalProcess({ TRUST_PROXY: '1' });
}, 300_000);

afterAll(async () => {
  await portal?.stop();
});

describe('the built portal process', () => {
  it('answers the health check', async () => {
    const res = await fetch(`${portal.url}/api/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('echoes a sane request id and replaces an unsafe one', async () => {
    const kept = await fetch(`${portal.url}/api/healthz`, { headers: { 'x-request-id': 'trace-42' } });
    expect(kept.headers.get('x-request-id')).toBe('trace-42');
    const replaced = await fetch(`${portal.url}/api/healthz`, { headers: { 'x-request-id': 'bad id\twith tab' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each(['/', '/no-such-page', '/api/healthz'])('sends the security headers on %s', async (path) => {
    const res = await fetch(`${portal.url}${path}`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp.split('; ').find((d) => d.startsWith('script-src'))).not.toContain('unsafe-inline');
    expect(csp).toContain(`frame-ancestors 'none'`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('stamps the nonce of its CSP header on every script of a page', async () => {
    const res = await fetch(`${portal.url}/`);
    const nonce = /'nonce-([^']+)'/.exec(res.headers.get('content-security-policy') ?? '')?.[1];
    const html = await res.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it('answers unknown pages with a 404 page', async () => {
    const res = await fetch(`${portal.url}/no-such-page`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Page not found');
  });

  it('adds HSTS when a trusted proxy says the request came over HTTPS', async () => {
    const res = await fetch(`${portal.url}/api/healthz`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });

  it('refuses websocket upgrades to unknown paths with 404', async () => {
    const { status } = await upgradeRefusal(new WebSocket(`${portal.url.replace('http', 'ws')}/api/v1/unknown`, { headers: { origin: portal.url } }));
    expect(status).toBe(404);
  });
});

describe('start and stop', () => {
  it('stops on SIGTERM with exit code 0', async () => {
    const other = await startPortalProcess();
    expect(await other.stop()).toBe(0);
    expect(other.output()).toContain('"msg":"stopped"');
  }, 120_000);

  it('still stops on SIGTERM when whatever read its output died mid-stream (a crashed test runner)', async () => {
    const world = await startPortalWorld({ fixture: generateFixture({ stacks: 2, services: 1, containers: 1 }), faults: { log_tail_honour_lines: true } });
    const { child } = world.portal;
    try {
      const cookie = await signIn(world.portal.url, 'wilma');
      const containerId = [...world.sim.world.containers.values()].find((c) => c.state === 'running')?.id ?? '';
      const ws = new WebSocket(`${world.portal.url.replace('http', 'ws')}/api/v1/containers/${containerId}/logs?tail=20000&follow=0`, {
        headers: { cookie, origin: world.portal.url },
      });
      // As when the parent dies: its end of the portal's stdout and stderr closes mid-stream, so
      // every log line from then on fails with EPIPE.
      await new Promise<void>((midStream) => {
        let frames = 0;
        ws.on('message', () => ++frames === 2000 && midStream());
      });
      child.stdout?.destroy();
      child.stderr?.destroy();
      ws.terminate();
      await world.sim.close();
      const exited = new Promise<number | null>((done) => child.once('exit', done));
      child.kill('SIGTERM');
      const outcome = await Promise.race([exited, new Promise((done) => setTimeout(() => done('still running'), 25_000))]);
      expect(outcome).not.toBe('still running');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await world.close();
    }
  }, 120_000);

  it('exits 1 naming each bad variable in production mode', async () => {
    await ensurePortalBuilt();
    const result = spawnSync(process.execPath, [join(root, 'dist/server.cjs')], {
      env: { PATH: process.env.PATH, NODE_ENV: 'production', RANCHER_URL: 'http://127.0.0.1:1', PORT: 'eighty' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PORT:');
    expect(result.stderr).toContain('RANCHER_ACCESS_KEY: is required but not set');
    expect(result.stderr).toContain('NEXTAUTH_SECRET: is required but not set');
  });
});
