import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSim } from '../start-sim';
import { byName, dial, eventually, get, refusedWith, serviceOf, startTestSim } from './sim-harness';

// Container and service statistics over real sockets (rancher-api.md §6.5): the link, the two-token
// handshake, the row shape, and counters that only grow within a run.

let sim: RunningSim;
beforeAll(async () => {
  sim = await startTestSim();
});
afterAll(async () => {
  await sim.close();
});

interface Row {
  id: string;
  resourceType: string;
  timestamp: string;
  cpu: { usage: { total: number; user: number; system: number; per_cpu_usage: number[] } };
  memory: { usage: number; limit: number };
  network: { interfaces: { name: string; rx_bytes: number; tx_bytes: number }[] };
  diskio: { io_service_bytes: { stats: { Read: number; Write: number } }[] };
}

interface StatsAccess {
  url: string;
  token: string;
  authToken: string;
}

async function statsAccess(resource: Record<string, unknown>): Promise<StatsAccess> {
  const link = (resource.links as Record<string, string>).containerStats;
  expect(link).toBe(`${String((resource.links as Record<string, string>).self)}/containerstats`);
  return (await get(sim, link ?? '')) as unknown as StatsAccess;
}

/** Dials the stats socket as Rancher's UI does: the short token in the query, the long one as the first frame. */
async function follow(access: StatsAccess) {
  const socket = dial(`${access.url}?token=${encodeURIComponent(access.authToken)}`);
  await socket.opened;
  socket.ws.send(access.token);
  const rows = () => socket.texts().flatMap((t) => JSON.parse(t) as Row[]);
  return { socket, rows };
}

describe('stats', () => {
  it('offers containerStats on containers and services, answering a ws URL and two tokens', async () => {
    const access = await statsAccess(await byName(sim, 'containers', 'foo-jgi-doe-web-1'));
    expect(access.url).toMatch(new RegExp(`^${sim.url.replace('http', 'ws')}/v1/stats/1i\\d+$`));
    expect(access.token).toMatch(/^[\w-]{20,}$/);
    expect(access.authToken).toMatch(/^[\w-]{20,}$/);
    expect(access.token).not.toBe(access.authToken);
    const service = await statsAccess(await serviceOf(sim, 'foo-jgi-doe', 'web'));
    expect(service.url).toMatch(/\/v1\/stats\/1s\d+$/);
  });

  it('refuses a dial without the short token (401) and closes on a first frame that is not the long one', async () => {
    const access = await statsAccess(await byName(sim, 'containers', 'foo-jgi-doe-web-1'));
    expect(await refusedWith(access.url)).toBe(401);
    expect(await refusedWith(`${access.url}?token=${encodeURIComponent(access.token)}`)).toBe(401);
    const socket = dial(`${access.url}?token=${encodeURIComponent(access.authToken)}`);
    await socket.opened;
    socket.ws.send('not-the-token');
    expect((await socket.closed).code).toBe(4401);
    expect(socket.frames).toHaveLength(0);
  });

  it('sends arrays of rows in cAdvisor’s shape, one per running container of a service', async () => {
    const service = await serviceOf(sim, 'foo-jgi-doe', 'web');
    const { socket, rows } = await follow(await statsAccess(service));
    await eventually(async () => socket.frames.length >= 2, 5000, 'two stats frames');
    socket.ws.close();
    const first = JSON.parse(socket.texts()[0] ?? '[]') as Row[];
    expect(first.map((r) => r.id).sort()).toEqual([...(service.instanceIds as string[])].sort());
    for (const row of rows()) {
      expect(row.resourceType).toBe('container');
      expect(row.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/);
      expect(row.cpu.usage.per_cpu_usage).toHaveLength(4);
      expect(Math.abs(row.cpu.usage.per_cpu_usage.reduce((a, b) => a + b, 0) - row.cpu.usage.total)).toBeLessThan(10);
      expect(row.cpu.usage.user + row.cpu.usage.system).toBe(row.cpu.usage.total);
      expect(row.memory.usage).toBeGreaterThan(0);
      expect(row.memory.usage).toBeLessThanOrEqual(row.memory.limit);
      expect(row.network.interfaces[0]?.name).toBe('eth0');
      expect(row.diskio.io_service_bytes[0]?.stats).toEqual({ Read: expect.any(Number), Write: expect.any(Number) });
    }
  });

  it('counts cumulatively within a run: every counter grows from one row to the next of the same container', async () => {
    sim.faults.patch({ stats_interval_ms: 50 });
    try {
      const { socket, rows } = await follow(await statsAccess(await byName(sim, 'containers', 'bar-nersc-web-1')));
      await eventually(async () => rows().length >= 5, 5000, 'five rows');
      socket.ws.close();
      const seen = rows();
      const counters = (r: Row) => [r.cpu.usage.total, r.network.interfaces[0]?.rx_bytes ?? 0, r.network.interfaces[0]?.tx_bytes ?? 0, r.diskio.io_service_bytes[0]?.stats.Write ?? 0];
      for (let i = 1; i < seen.length; i++) {
        const [before, after] = [counters(seen[i - 1] as Row), counters(seen[i] as Row)];
        after.forEach((value, k) => expect(value).toBeGreaterThanOrEqual(before[k] ?? 0));
        expect((seen[i] as Row).timestamp > (seen[i - 1] as Row).timestamp).toBe(true);
      }
      expect(counters(seen.at(-1) as Row)[0]).toBeGreaterThan(counters(seen[0] as Row)[0] ?? 0);
    } finally {
      sim.faults.reset();
    }
  });

  it('crashy-nersc’s app climbs to its memory limit, is killed with exit code 137 (OOMKilled), and counts from zero again', async () => {
    sim.faults.patch({ stats_interval_ms: 5 });
    try {
      const container = await byName(sim, 'containers', 'crashy-nersc-app-1');
      const exits: { code: number; oom: boolean }[] = [];
      const stop = sim.world.onChange((r) => {
        if (r.id === container.id && r.type === 'container' && r.state === 'stopped') exits.push({ code: r.data.dockerInspect.State.ExitCode, oom: r.data.dockerInspect.State.OOMKilled });
      });
      const { socket, rows } = await follow(await statsAccess(container));
      await eventually(async () => exits.length >= 2 && rows().length > 20, 10_000, 'two exits');
      stop();
      socket.ws.close();
      expect(exits.every((e) => e.code === 137 && e.oom)).toBe(true);
      const seen = rows();
      const limit = 256 * 1024 * 1024;
      expect(seen.every((r) => r.memory.limit === limit)).toBe(true);
      expect(seen.some((r) => r.memory.usage >= limit * 0.99)).toBe(true);
      expect(seen.some((r) => r.memory.usage < limit * 0.5)).toBe(true);
      const resets = seen.filter((r, i) => i > 0 && r.cpu.usage.total < (seen[i - 1] as Row).cpu.usage.total);
      expect(resets.length).toBeGreaterThanOrEqual(1);
    } finally {
      sim.faults.reset();
    }
  });

  it('a container without a memory limit reports cgroup’s “unlimited”', async () => {
    const { socket, rows } = await follow(await statsAccess(await byName(sim, 'containers', 'foo-jgi-doe-web-1')));
    await eventually(async () => rows().length >= 1, 5000, 'a row');
    socket.ws.close();
    expect(rows()[0]?.memory.limit).toBeGreaterThan(2 ** 62);
  });
});
