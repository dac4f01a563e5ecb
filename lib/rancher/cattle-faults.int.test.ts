import { describe, expect, it, vi } from 'vitest';
import { contractSimForFile } from '@/test/helpers/rancher-contract-harness';
import { RancherUnavailableError } from './errors';
import type { ResourceChange, ServiceDetail } from '@/lib/domain/rancher/types';

// The simulator's fault knobs against the client: 5xx answers, latency, dropped event sockets.

const world = contractSimForFile();

async function anyService(): Promise<ServiceDetail> {
  const first = (await world.backend.listStacks()).find((s) => s.name === 'foo-jgi-doe')?.services.find((s) => s.name === 'web');
  return world.backend.getService(first?.id ?? '');
}

/** Makes the simulator's 5xx knob answer `statuses` in turn for requests to `path`, then nothing. */
function inject(path: string, statuses: (500 | 503 | null)[]): string[] {
  const hits: string[] = [];
  vi.spyOn(world.sim.faults, 'injected5xx').mockImplementation((requestPath) => {
    if (!requestPath.endsWith(path)) return null;
    hits.push(requestPath);
    return statuses[hits.length - 1] ?? null;
  });
  return hits;
}

describe('5xx answers', () => {
  it('retries a GET answered 503 and gets the service on the third try', async () => {
    const web = await anyService();
    const hits = inject(`/services/${web.id}`, [503, 503]);
    await expect(world.backend.getService(web.id)).resolves.toMatchObject({ id: web.id });
    expect(hits).toHaveLength(3);
  });

  it('gives up after three tries with Unavailable', async () => {
    const web = await anyService();
    const hits = inject(`/services/${web.id}`, [503, 503, 503, 503]);
    const err = await world.backend.getService(web.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RancherUnavailableError);
    expect((err as RancherUnavailableError).rancher).toMatchObject({ status: 503 });
    expect((err as RancherUnavailableError).status).toBe(503);
    expect(hits).toHaveLength(3);
  });

  it('does not retry a 500', async () => {
    const web = await anyService();
    const hits = inject(`/services/${web.id}`, [500]);
    await expect(world.backend.getService(web.id)).rejects.toMatchObject({ status: 502, rancher: { status: 500 } });
    expect(hits).toHaveLength(1);
  });

  it('never retries an action: the restart POST answered 503 is not sent again', async () => {
    const web = await anyService();
    // The portal GETs the service (to check the action is offered), then POSTs the action to the same path.
    const hits = inject(`/services/${web.id}`, [null, 503]);
    await expect(world.backend.serviceAction(web.id, 'restart')).rejects.toBeInstanceOf(RancherUnavailableError);
    expect(hits).toHaveLength(2);
    expect((await world.backend.getService(web.id)).state).toBe('active');
  });
});

describe('latency', () => {
  it('rides out latency within the timeout and reports a slower answer as unavailable', async () => {
    const web = await anyService();
    const quick = world.connect({ timeoutMs: 1000 });
    world.sim.faults.patch({ latency_ms: [{ path: `/services/${web.id}`, ms: 200 }] });
    await expect(quick.getService(web.id)).resolves.toMatchObject({ id: web.id });
    world.sim.faults.patch({ latency_ms: [{ path: `/services/${web.id}`, ms: 2500 }] });
    const started = Date.now();
    const err = await quick.getService(web.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RancherUnavailableError);
    expect((err as RancherUnavailableError).rancher.code).toBe('ETIMEDOUT');
    expect(Date.now() - started).toBeLessThan(2000);
    quick.close();
  });
});

describe('dropped event socket', () => {
  it('reconnects and keeps delivering changes; a settle wait still ends', async () => {
    const web = await anyService();
    const client = world.connect();
    // Each subscribe socket dies after its second frame (a ping, then one event).
    world.sim.faults.patch({ ws_drop_after_frames: 2 });
    const changes: ResourceChange[] = [];
    const subscription = client.subscribe((change) => changes.push(change));
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      await client.serviceAction(web.id, 'restart', { batchSize: 1, intervalMillis: 50 });
      const settled = await client.waitForSettled(web.id, { timeoutMs: 10_000 });
      expect(settled).toMatchObject({ state: 'active', transitioning: 'no' });
      for (let i = 0; i < 100 && changes.length < 3; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      // One event per connection at most: three events mean the feed reconnected at least twice.
      expect(changes.length).toBeGreaterThanOrEqual(3);
    } finally {
      subscription.close();
      client.close();
    }
  });

  it('falls back to polling while the event socket is refused', async () => {
    const web = await anyService();
    const client = world.connect();
    world.sim.faults.patch({ ws_refuse_status: 502 });
    await client.serviceAction(web.id, 'restart', { batchSize: 2, intervalMillis: 10 });
    await expect(client.waitForSettled(web.id, { timeoutMs: 10_000 })).resolves.toMatchObject({ state: 'active', transitioning: 'no' });
    client.close();
  });
});
