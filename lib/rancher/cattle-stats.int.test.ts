import { describe, expect, it } from 'vitest';
import { contractSimForFile } from '@/test/helpers/rancher-contract-harness';
import type { CounterSample } from '@/lib/domain/stats/stats-point';
import type { StatsTarget } from './backend';

// Container and service statistics over the simulator's stats socket (rancher-api.md §6.5).

const world = contractSimForFile();

async function service(stackName: string, serviceName: string) {
  const summary = (await world.backend.listStacks()).find((s) => s.name === stackName);
  const stack = await world.backend.getStack(summary?.id ?? '');
  const found = stack.services.find((s) => s.name === serviceName);
  if (!found) throw new Error(`no service ${stackName}/${serviceName}`);
  return found;
}

async function frames(target: StatsTarget, count: number): Promise<CounterSample[][]> {
  const abort = new AbortController();
  const out: CounterSample[][] = [];
  for await (const frame of world.backend.openStats(target, { signal: abort.signal })) {
    out.push(frame);
    if (out.length >= count) abort.abort();
  }
  return out;
}

describe('openStats', () => {
  it('follows a service: one reading per running container, counters summed and never falling', async () => {
    world.sim.faults.patch({ stats_interval_ms: 20 });
    const web = await service('foo-jgi-doe', 'web');
    const got = await frames({ serviceId: web.id }, 4);
    expect(got).toHaveLength(4);
    for (const frame of got) expect(frame.map((s) => s.containerId).sort()).toEqual(web.containers.map((c) => c.id).sort());
    const first = got[0]?.[0];
    const last = got.at(-1)?.find((s) => s.containerId === first?.containerId);
    expect(first?.cpuCount).toBe(4);
    expect(last?.cpuTotalNs).toBeGreaterThanOrEqual(first?.cpuTotalNs ?? Infinity);
    expect(last?.txBytes).toBeGreaterThanOrEqual(first?.txBytes ?? Infinity);
  });

  it('follows one container, and dials again with fresh tokens when Rancher drops the socket', async () => {
    world.sim.faults.patch({ stats_interval_ms: 20, ws_drop_after_frames: 2 });
    const web = await service('foo-jgi-doe', 'web');
    const container = web.containers[0];
    const got = await frames({ container: container?.id ?? '' }, 5);
    expect(got.flat().every((s) => s.containerId === container?.id)).toBe(true);
    expect(got).toHaveLength(5);
  });
});
