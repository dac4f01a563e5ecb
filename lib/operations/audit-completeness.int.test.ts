import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { jsonPost, signIn } from '@/test/helpers/portal-session';
import { startPortalWorld, type PortalWorld } from '@/test/helpers/portal-world';
import { settledService, simService } from '@/test/helpers/sim-state';

// Every attempt leaves a row that tells the truth: a change Rancher did not answer in time is `unknown`
// (it may have been made), a refusal stays `failed`, and an attempt made while Rancher is down is a
// `failed` row, not no row at all. Demo world: bar-nersc 1st2 (web 1s4, kv 1s5), owned by fred.
const rancherTimeoutMs = 1500;
let world: PortalWorld;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  world = await startPortalWorld({}, { RANCHER_TIMEOUT_MS: String(rancherTimeoutMs) });
  for (const user of ['fred', 'wilma']) cookies[user] = await signIn(world.portal.url, user);
}, 300_000);

afterAll(async () => {
  await world?.close();
});

afterEach(() => {
  world.sim.faults.reset();
});

function post(path: string, body: unknown = {}) {
  return fetch(`${world.portal.url}/api/v1/stacks/${path}`, { ...jsonPost(world.portal.url, cookies.fred ?? ''), body: JSON.stringify(body) });
}

interface Row {
  actor: string;
  action: string;
  outcome: string;
  code: string | null;
  stackId: string | null;
  serviceId: string | null;
  requestId: string | null;
  clientAddress: string | null;
  completedAt: string | null;
}

/** The newest row of fred's `action`, as staff (wilma) read the activity. */
async function latest(action: string): Promise<Row | undefined> {
  const res = await fetch(`${world.portal.url}/api/v1/activity?actor=fred&action=${action}`, { headers: { cookie: cookies.wilma ?? '' } });
  return ((await res.json()) as { events: Row[] }).events[0];
}

describe('audit completeness', () => {
  it('records a restart whose Rancher POST timed out as unknown, tells the user to check, and Rancher did restart', async () => {
    const before = simService(world.sim, '1s4').containers[0]!;
    // Only the action's POST (…/services/1s4/?action=restart) is slow; the reads before it are not.
    world.sim.faults.patch({ latency_ms: [{ path: '/services/1s4/', ms: rancherTimeoutMs * 2 }] });
    const res = await post('1st2/services/1s4/restart', { batchSize: 1, intervalMillis: 10 });
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await res.json()) as { detail: string; outcome: string };
    expect(problem.outcome).toBe('unknown');
    expect(problem.detail).toBe('Rancher did not answer the request to restart web in time, so it may or may not have been done. Check its state before trying again.');
    expect(await latest('service.restart')).toMatchObject({ outcome: 'unknown', code: 'ETIMEDOUT', stackId: '1st2', serviceId: '1s4' });
    expect((await latest('service.restart'))?.completedAt).not.toBeNull();

    // The simulator carries the restart out once its latency is spent: "failed" would have been a lie.
    await expect.poll(() => simService(world.sim, '1s4').containers[0]?.startCount, { timeout: 10_000 }).toBe(before.startCount + 1);
    await settledService(world.sim, '1s4');
  });

  it.each([
    ['a refusal in the current state (422)', { force_422: 1 }, 409, 'ActionNotAvailable'],
    ['a conflict (409)', { conflict_409: 1 }, 409, 'Conflict'],
  ])('keeps %s failed', async (_name, fault, status, code) => {
    await settledService(world.sim, '1s4');
    world.sim.faults.patch(fault);
    const res = await post('1st2/services/1s4/restart', { batchSize: 1, intervalMillis: 10 });
    expect(res.status).toBe(status);
    expect(await latest('service.restart')).toMatchObject({ outcome: 'failed', code, stackId: '1st2', serviceId: '1s4' });
  });

  it('records an action attempted while Rancher is down at the stack lookup as failed, with who, what and where', async () => {
    world.sim.faults.patch({ error_rate_5xx: [{ path: '/stacks/1st2', rate: 1 }] });
    const res = await post('1st2/services/1s5/stop');
    expect([502, 503]).toContain(res.status);
    const row = await latest('service.stop');
    expect(row).toMatchObject({ actor: 'fred', action: 'service.stop', outcome: 'failed', stackId: '1st2', serviceId: '1s5', clientAddress: '127.0.0.1' });
    // Rancher's own error code for the status it answered (the simulator answers 500 or 503 at random).
    expect(['Internal Server Error', 'Service Unavailable']).toContain(row?.code);
    expect(row?.requestId).toBeTruthy();
    expect(simService(world.sim, '1s5').state).toBe('active');
  });
});
