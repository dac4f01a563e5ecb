import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonPost, signIn } from '@/test/helpers/portal-session';
import { startPortalWorld, type PortalWorld } from '@/test/helpers/portal-world';
import { settledService, simService } from '@/test/helpers/sim-state';

let world: PortalWorld;
let fred: string;
let dino: string;
let wilma: string;

beforeAll(async () => {
  world = await startPortalWorld();
  fred = await signIn(world.portal.url, 'fred');
  dino = await signIn(world.portal.url, 'dino');
  wilma = await signIn(world.portal.url, 'wilma');
}, 300_000);

afterAll(async () => {
  await world?.close();
});

function post(cookie: string, path: string, body: unknown = {}) {
  return fetch(`${world.portal.url}/api/v1/stacks/${path}`, { ...jsonPost(world.portal.url, cookie), body: JSON.stringify(body) });
}

/** Rancher stamps these itself on every upgrade; the rest of the launchConfig must be exactly what was asked. */
function withoutStamps(config: Record<string, unknown>) {
  const { version: _version, ...rest } = config;
  return rest;
}

describe('upgrade API against the simulator', () => {
  it('changes only what was asked: one env var, everything else kept', async () => {
    const before = simService(world.sim, '1s2');
    const env = (before.launchConfig.environment ?? {}) as Record<string, string>;
    const res = await post(fred, '1st1/services/1s2/upgrade', { launchConfig: { environment: { LOG_LEVEL: 'debug' } }, batchSize: 1, intervalMillis: 10 });
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ id: '1s2', state: 'upgrading' });
    const after = await settledService(world.sim, '1s2');
    expect(after.state).toBe('upgraded');
    expect(withoutStamps(after.launchConfig)).toEqual(withoutStamps({ ...before.launchConfig, environment: { ...env, LOG_LEVEL: 'debug' } }));
  });

  it('answers 409 with the way out while an upgrade waits, and changes nothing', async () => {
    const before = simService(world.sim, '1s2');
    const res = await post(fred, '1st1/services/1s2/upgrade', { launchConfig: { imageUuid: 'docker:nginx:1.27' } });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/finish or roll back the upgrade first/);
    expect(simService(world.sim, '1s2')).toEqual(before);
  });

  it('finish removes the old containers', async () => {
    const upgraded = simService(world.sim, '1s2');
    expect(upgraded.containers.length).toBeGreaterThan(1);
    expect((await post(fred, '1st1/services/1s2/finish-upgrade')).status).toBe(202);
    const after = await settledService(world.sim, '1s2');
    expect(after.state).toBe('active');
    await expect.poll(() => simService(world.sim, '1s2').containers.filter((c) => c.state !== 'removed' && c.state !== 'purged').length, { timeout: 10_000 }).toBe(1);
  });

  it('refuses a change that breaks policy with 422 and the findings, and changes nothing', async () => {
    const before = simService(world.sim, '1s1');
    const res = await post(fred, '1st1/services/1s1/upgrade', { launchConfig: { privileged: true } });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { findings: { ruleId: string; severity: string }[] };
    expect(body.findings.map((f) => f.ruleId)).toContain('no-privileged');
    expect(body.findings.every((f) => f.severity === 'error')).toBe(true);
    expect(simService(world.sim, '1s1')).toEqual(before);
  });

  it('refuses fields the portal does not edit with 400 naming them', async () => {
    const res = await post(fred, '1st1/services/1s1/upgrade', { launchConfig: { devices: ['/dev/sda:/dev/sda'] } });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('devices');
    // The attempt is recorded even though nothing was sent.
    const activity = await fetch(`${world.portal.url}/api/v1/activity?actor=fred&action=service.upgrade`, { headers: { cookie: wilma } });
    const { events } = (await activity.json()) as { events: { serviceId?: string; outcome: string; code: string | null; requestId: string | null }[] };
    expect(events[0]).toMatchObject({ outcome: 'failed', code: 'invalid-input', requestId: res.headers.get('x-request-id') });
  });

  it('rollback restores the old image (dino on genome-browser/app)', async () => {
    const before = simService(world.sim, '1s7');
    const image = String(before.launchConfig.imageUuid);
    expect((await post(dino, '1st3/services/1s7/upgrade', { launchConfig: { imageUuid: `${image}-rc1` }, intervalMillis: 10 })).status).toBe(202);
    expect((await settledService(world.sim, '1s7')).launchConfig.imageUuid).toBe(`${image}-rc1`);
    expect((await post(dino, '1st3/services/1s7/rollback')).status).toBe(202);
    const after = await settledService(world.sim, '1s7');
    expect(after.state).toBe('active');
    expect(after.launchConfig.imageUuid).toBe(image);
  });

  it('records the diff with secret values redacted', async () => {
    expect((await post(fred, '1st2/services/1s5/upgrade', { launchConfig: { environment: { REDIS_PASSWORD: 'hunter2' } }, intervalMillis: 10 })).status).toBe(202);
    await settledService(world.sim, '1s5');
    const res = await fetch(`${world.portal.url}/api/v1/activity?actor=fred&action=service.upgrade`, { headers: { cookie: wilma } });
    const { events } = (await res.json()) as { events: { serviceName: string; details: { changes: { path: string; after?: unknown }[] } }[] };
    const kv = events.find((e) => e.serviceName === 'kv');
    expect(kv?.details.changes).toContainEqual(expect.objectContaining({ path: '/environment/REDIS_PASSWORD' }));
    expect(JSON.stringify(events)).not.toContain('hunter2');
  });
});
