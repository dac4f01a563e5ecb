import { afterEach, describe, expect, it } from 'vitest';
import type { CounterSample } from '@/lib/domain/stats/stats-point';
import { FakeRancherBackend, fakeContainer, fakeService, fakeStack } from '@/test/helpers/fake-rancher-backend';
import { fakeRelayServices, fakeUpgrade } from '@/test/helpers/fake-upgrade';
import { containerStatsRelay, serviceStatsRelay } from './stats-relay';

const stack = fakeStack({
  id: '1st2',
  name: 'bar-nersc',
  owner: 'fred',
  services: [fakeService({ id: '1s4', stackId: '1st2', name: 'web', containers: [fakeContainer({ id: '1i7', serviceId: '1s4' }), fakeContainer({ id: '1i8', serviceId: '1s4' })] })],
});

function sample(containerId: string, second: number, cpuSeconds: number): CounterSample {
  return { containerId, ts: `2026-12-07T06:00:0${second}.000000001Z`, cpuTotalNs: cpuSeconds * 1e9, cpuCount: 2, memBytes: 5e6, memLimitBytes: 2 ** 63, rxBytes: second * 2048, txBytes: 0, readBytes: 0, writeBytes: 0 };
}

const upgrades: ReturnType<typeof fakeUpgrade>[] = [];
afterEach(() => {
  for (const upgrade of upgrades.splice(0)) {
    upgrade.accepted?.close(1000);
    upgrade.connection.close();
  }
});

async function open(path: string, params: string[], cookie = 'c=fred') {
  const backend = new FakeRancherBackend([stack]);
  backend.statsFrames = [[sample('1i7', 0, 0), sample('1i8', 0, 1)], [sample('1i7', 1, 0.5), sample('1i8', 1, 1.2)]];
  const services = fakeRelayServices(backend, { 'c=fred': { uid: 'fred' }, 'c=pebbles': { uid: 'pebbles' } });
  const upgrade = fakeUpgrade(path, params[0] ?? '', cookie);
  upgrade.params = params;
  upgrades.push(upgrade);
  const route = path.includes('/services/') ? serviceStatsRelay(services) : containerStatsRelay(services);
  const done = Promise.resolve(route.handle(upgrade));
  return { backend, services, upgrade, done };
}

describe('the stats relays over an in-memory Rancher', () => {
  it('sends one point per container in DESIGN.md’s frame, rates computed from two readings', async () => {
    const { upgrade, backend } = await open('/api/v1/stacks/1st2/services/1s4/stats', ['1st2', '1s4']);
    await new Promise((r) => setTimeout(r, 10));
    expect(backend.calls.at(-1)).toMatchObject({ method: 'openStats', args: [{ serviceId: '1s4' }, expect.anything()] });
    expect(upgrade.accepted?.frames()).toEqual([
      { ts: '2026-12-07T06:00:01.000000001Z', containerId: '1i7', cpuPct: 50, memBytes: 5e6, memLimitBytes: null, netRxKiBps: 2, netTxKiBps: 0, diskReadKiBps: 0, diskWriteKiBps: 0 },
      { ts: '2026-12-07T06:00:01.000000001Z', containerId: '1i8', cpuPct: 20, memBytes: 5e6, memLimitBytes: null, netRxKiBps: 2, netTxKiBps: 0, diskReadKiBps: 0, diskWriteKiBps: 0 },
    ]);
  });

  it('follows one container, and records nothing: looking at a chart is not an action', async () => {
    const { upgrade, backend, services, done } = await open('/api/v1/containers/1i7/stats', ['1i7']);
    await new Promise((r) => setTimeout(r, 10));
    expect(backend.calls.at(-1)?.args[0]).toEqual({ container: expect.objectContaining({ id: '1i7' }) });
    upgrade.accepted?.close(1000);
    await done;
    expect(services.auditStore.events).toEqual([]);
  });

  it('answers 404 in the logs socket’s words for a stack, service or container that is not shared, and records nothing', async () => {
    const refusals = [
      await open('/api/v1/containers/1i7/stats', ['1i7'], 'c=pebbles'),
      await open('/api/v1/stacks/1st2/services/1s4/stats', ['1st2', '1s4'], 'c=pebbles'),
      await open('/api/v1/stacks/1st2/services/1s99/stats', ['1st2', '1s99']),
      await open('/api/v1/containers/x/stats', ['x']),
    ];
    const errors = await Promise.all(refusals.map((r) => r.done.then(() => null, (err: Error & { status?: number }) => [err.status, err.message])));
    expect(errors).toEqual([
      [404, 'No container 1i7 is shared with you.'],
      [404, 'No stack 1st2 is shared with you.'],
      [404, 'No service 1s99 in stack bar-nersc.'],
      [404, 'No container x is shared with you.'],
    ]);
    expect(refusals.every((r) => r.upgrade.accepted === null && r.services.auditStore.events.length === 0)).toBe(true);
  });

  it('closes with 1011 when Rancher stops sending', async () => {
    const backend = new FakeRancherBackend([stack]);
    backend.failWith('openStats', () => new Error('socket dropped'));
    const upgrade = fakeUpgrade('/api/v1/containers/1i7/stats', '1i7', 'c=fred');
    upgrades.push(upgrade);
    await containerStatsRelay(fakeRelayServices(backend, { 'c=fred': { uid: 'fred' } })).handle(upgrade);
    expect(upgrade.accepted?.closedWith?.code).toBe(1011);
  });
});
