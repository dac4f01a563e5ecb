import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonPost, signIn } from '@/test/helpers/portal-session';
import { startPortalWorld, type PortalWorld } from '@/test/helpers/portal-world';
import { settledService, simService } from '@/test/helpers/sim-state';

// Demo world ids: foo-jgi-doe 1st1 (web 1s1 with 1i1/1i2, app 1s2, db 1s3), bar-nersc 1st2 (web 1s4, kv 1s5),
// crashy-nersc 1st4 (app 1s8).
let world: PortalWorld;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  world = await startPortalWorld();
  for (const user of ['fred', 'barney', 'dino', 'wilma']) cookies[user] = await signIn(world.portal.url, user);
}, 300_000);

afterAll(async () => {
  await world?.close();
});

function post(user: string, path: string, body: unknown = {}, init: { origin?: string; contentType?: string } = {}) {
  const base = jsonPost(world.portal.url, cookies[user] ?? '');
  return fetch(`${world.portal.url}/api/v1/stacks/${path}`, {
    ...base,
    headers: { ...(base.headers as Record<string, string>), origin: init.origin ?? world.portal.url, 'content-type': init.contentType ?? 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function activity(filter: string) {
  const res = await fetch(`${world.portal.url}/api/v1/activity?${filter}`, { headers: { cookie: cookies.wilma ?? '' } });
  return ((await res.json()) as { events: { action: string; outcome: string; actor: string; code: string | null; serviceName: string | null }[] }).events;
}

describe('service actions against the simulator', () => {
  it('restarts a service: 202 restarting, both containers restarted one at a time, recorded', async () => {
    const before = simService(world.sim, '1s1');
    const res = await post('fred', '1st1/services/1s1/restart', { batchSize: 1, intervalMillis: 10 });
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ id: '1s1', state: 'restarting', transitioning: 'yes' });
    const after = await settledService(world.sim, '1s1');
    expect(after.state).toBe('active');
    for (const c of after.containers) expect(c.startCount).toBe(before.containers.find((b) => b.id === c.id)!.startCount + 1);
    expect((await activity('actor=fred&action=service.restart'))[0]).toMatchObject({ outcome: 'ok', serviceName: 'web' });
  });

  it('stops and starts a service (dino on crashy-nersc/app)', async () => {
    expect((await post('dino', '1st4/services/1s8/stop')).status).toBe(202);
    expect((await settledService(world.sim, '1s8')).state).toBe('inactive');
    expect((await post('dino', '1st4/services/1s8/start')).status).toBe(202);
    expect((await settledService(world.sim, '1s8')).state).toBe('active');
  });

  it('restarts one container of a stack', async () => {
    const before = simService(world.sim, '1s2').containers[0]!;
    const res = await post('barney', `1st1/containers/${before.id}/restart`);
    expect(res.status).toBe(202);
    await expect.poll(() => simService(world.sim, '1s2').containers[0]?.startCount, { timeout: 10_000 }).toBe(before.startCount + 1);
  });

  it('answers 409 "already restarting" to a second click and does not restart twice', async () => {
    const first = await post('fred', '1st2/services/1s4/restart', { batchSize: 1, intervalMillis: 200 });
    expect(first.status).toBe(202);
    const second = await post('fred', '1st2/services/1s4/restart');
    expect(second.status).toBe(409);
    expect(((await second.json()) as { detail: string }).detail).toBe('web is already restarting; wait until it settles.');
    const after = await settledService(world.sim, '1s4');
    expect(after.containers[0]?.startCount).toBe(2);
  });

  it('turns a Rancher refusal into 409 with what to do, and changes nothing', async () => {
    const before = simService(world.sim, '1s5');
    const res = await post('fred', '1st2/services/1s5/finish-upgrade');
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(simService(world.sim, '1s5')).toEqual(before);
  });

  it.each([
    ['a stack that is not shared', 'barney', '1st2/services/1s4/stop', {}, {}, 404],
    ['a service of another stack', 'fred', '1st1/services/1s4/stop', {}, {}, 404],
    ['a cross-origin post', 'fred', '1st2/services/1s4/stop', {}, { origin: 'http://evil.example' }, 403],
    ['a form post', 'fred', '1st2/services/1s4/stop', 'a=1', { contentType: 'application/x-www-form-urlencoded' }, 415],
    ['an unknown option', 'fred', '1st2/services/1s4/restart', { batchSize: 0 }, {}, 400],
    ['an unknown verb', 'fred', '1st2/services/1s4/explode', {}, {}, 400],
  ])('refuses %s and changes nothing', async (_name, user, path, body, init, status) => {
    const before = simService(world.sim, '1s4');
    const res = await post(user, path, body, init);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(simService(world.sim, '1s4')).toEqual(before);
  });

  it('records refused attempts as denied', async () => {
    const denied = await activity('actor=barney&action=service.stop');
    expect(denied[0]).toMatchObject({ outcome: 'denied', code: 'not-found' });
  });

  it('answers 503 "Rancher unavailable" when Rancher is down, and records the failure', async () => {
    world.sim.faults.patch({ error_rate_5xx: [{ path: '', rate: 1 }] });
    try {
      const res = await post('fred', '1st2/services/1s4/restart');
      expect([502, 503]).toContain(res.status);
      const body = (await res.json()) as { detail: string; status: number };
      expect(body.detail).toMatch(/Rancher/);
      expect(JSON.stringify(body)).not.toMatch(/at .*\.js/);
    } finally {
      world.sim.faults.reset();
    }
    const latest = (await activity('actor=fred&action=service.restart'))[0];
    expect(latest?.outcome === 'failed' || latest?.outcome === 'denied').toBe(true);
  });
});

describe('policy check API', () => {
  it('answers findings and a summary that counts errors and warnings', async () => {
    const compose = 'version: "2"\nservices:\n  web:\n    image: nginx:latest\n    privileged: true\n';
    const res = await fetch(`${world.portal.url}/api/v1/policy/check`, { ...jsonPost(world.portal.url, cookies.fred ?? ''), body: JSON.stringify({ compose }) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { findings: { ruleId: string; severity: string }[]; summary: { errors: number; warnings: number } };
    expect(body.findings.map((f) => f.ruleId)).toContain('no-privileged');
    expect(body.summary.errors).toBe(body.findings.filter((f) => f.severity === 'error').length);
    expect(body.summary.warnings).toBe(body.findings.filter((f) => f.severity === 'warning').length);
  });

  it('refuses a body that is not a check request with 400 naming the field', async () => {
    const res = await fetch(`${world.portal.url}/api/v1/policy/check`, { ...jsonPost(world.portal.url, cookies.fred ?? ''), body: JSON.stringify({ compose: 42 }) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe('compose');
  });
});
