import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortalWorld, type PortalWorld } from '@/test/helpers/portal-world';

let world: PortalWorld;

beforeAll(async () => {
  world = await startPortalWorld();
}, 300_000);

afterAll(async () => {
  await world?.close();
});

describe('GET /api/readyz', () => {
  it('is 200 when Rancher, the directory and the audit store answer', async () => {
    const res = await fetch(`${world.portal.url}/api/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', checks: { rancher: 'ok', ldap: 'ok', audit: 'ok' } });
  });

  it('is 503 naming Rancher when Rancher fails', async () => {
    world.sim.faults.patch({ error_rate_5xx: [{ path: '', rate: 1 }] });
    try {
      const res = await fetch(`${world.portal.url}/api/readyz`);
      expect(res.status).toBe(503);
      const body = (await res.json()) as { status: string; checks: Record<string, string> };
      expect(body.status).toBe('not-ready');
      expect(body.checks.rancher).toMatch(/^unavailable: /);
      expect(body.checks.audit).toBe('ok');
    } finally {
      world.sim.faults.reset();
    }
  }, 60_000);
});
