import { describe, expect, it } from 'vitest';
import { contractSimForFile } from '@/test/helpers/rancher-contract-harness';
import { RancherConflictError, RancherNotAllowedInStateError, RancherSettleTimeoutError } from './errors';
import type { LaunchConfig, ServiceDetail } from '@/lib/domain/rancher/types';

// Upgrades send Rancher the whole launchConfig; these tests read it back from the simulator.

const world = contractSimForFile();

async function service(stackName: string, serviceName: string): Promise<ServiceDetail> {
  const summary = (await world.backend.listStacks()).find((s) => s.name === stackName);
  const found = summary?.services.find((s) => s.name === serviceName);
  if (!found) throw new Error(`no ${stackName}/${serviceName}`);
  return world.backend.getService(found.id);
}

/** The server stamps a new `version` on each upgrade (rancher-api.md §4); every other field must survive. */
function withoutVersion(config: LaunchConfig | null | undefined): Record<string, unknown> {
  const { version: _version, ...rest } = config ?? {};
  return rest;
}

const settle = (id: string) => world.backend.waitForSettled(id, { timeoutMs: 15_000 });

describe('upgrade', () => {
  it('refuses to send a change checked against a launchConfig Rancher no longer has, and changes nothing', async () => {
    const before = await service('bar-nersc', 'web');
    const checked = { ...before.launchConfig, dataVolumes: [] };
    const refused = await world.backend.upgrade(before.id, { launchConfig: { imageUuid: 'docker:nginx:1.27' }, basedOn: checked }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RancherConflictError);
    expect((refused as Error).message).toMatch(/changed while the upgrade was being checked/);
    expect(await service('bar-nersc', 'web')).toMatchObject({ state: 'active', launchConfig: before.launchConfig });
  });

  it('changes one env var and keeps every other launchConfig field, then finishes', async () => {
    const before = await service('foo-jgi-doe', 'app');
    const upgrading = await world.backend.upgrade(before.id, { launchConfig: { environment: { DB_NAME: 'foo2' } }, batchSize: 1, intervalMillis: 10 });
    expect(upgrading).toMatchObject({ state: 'upgrading', transitioning: 'yes', upgradeInProgress: true });

    const upgraded = await settle(before.id);
    expect(upgraded).toMatchObject({ state: 'upgraded', transitioning: 'no', allowedVerbs: ['finish-upgrade', 'rollback'] });
    expect(withoutVersion(upgraded.launchConfig)).toEqual({
      ...withoutVersion(before.launchConfig),
      environment: { APP_ENV: 'production', DB_HOST: 'db', DB_NAME: 'foo2' },
    });
    expect(withoutVersion(upgraded.previousLaunchConfig)).toEqual(withoutVersion(before.launchConfig));
    // The old container is stopped and kept until the upgrade is finished.
    expect(upgraded.containers.map((c) => c.state).sort()).toEqual(['running', 'stopped']);

    for (const act of [() => world.backend.serviceAction(before.id, 'restart'), () => world.backend.upgrade(before.id, { launchConfig: { user: 'root' } })]) {
      const refused = await act().catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(RancherNotAllowedInStateError);
      expect((refused as Error).message).toMatch(/finish or roll back the upgrade first/);
    }

    expect(await world.backend.finishUpgrade(before.id)).toMatchObject({ state: 'finishing-upgrade', transitioning: 'yes' });
    const finished = await settle(before.id);
    expect(finished).toMatchObject({ state: 'active', upgradeInProgress: false, allowedVerbs: ['stop', 'restart', 'upgrade'] });
    expect(finished.containers.map((c) => c.state)).toEqual(['running']);
    expect(finished.launchConfig?.environment?.DB_NAME).toBe('foo2');
  });

  it('takes a plain image reference and rolls back to the previous one', async () => {
    const before = await service('bar-nersc', 'web');
    await world.backend.upgrade(before.id, { launchConfig: { imageUuid: 'nginx:1.16.1-alpine' }, intervalMillis: 10 });
    const upgraded = await settle(before.id);
    expect(upgraded).toMatchObject({ state: 'upgraded', image: 'nginx:1.16.1-alpine' });
    expect(upgraded.launchConfig?.imageUuid).toBe('docker:nginx:1.16.1-alpine');

    expect(await world.backend.rollback(before.id)).toMatchObject({ state: 'rolling-back', transitioning: 'yes' });
    const rolledBack = await settle(before.id);
    expect(rolledBack).toMatchObject({ state: 'active', image: before.image, upgradeInProgress: false });
    expect(withoutVersion(rolledBack.launchConfig)).toEqual(withoutVersion(before.launchConfig));
  });

  it('refuses to finish or roll back when nothing was upgraded', async () => {
    const kv = await service('bar-nersc', 'kv');
    await expect(world.backend.finishUpgrade(kv.id)).rejects.toThrow('The service has no upgrade to finish.');
    await expect(world.backend.rollback(kv.id)).rejects.toThrow('The service has no upgrade to roll back.');
  });

  it('hands back a failed upgrade, which then rolls back', async () => {
    const monitor = await service('isg-monitor', 'app');
    world.sim.faults.patch({ upgrade_fail: true });
    await world.backend.upgrade(monitor.id, { launchConfig: { imageUuid: 'registry.spin.nersc.gov/wilma/monitor:broken' }, intervalMillis: 10 });
    const failed = await settle(monitor.id);
    expect(failed).toMatchObject({ state: 'upgrading', transitioning: 'error', allowedVerbs: expect.arrayContaining(['rollback']) });
    expect(failed.transitioningMessage).toMatch(/^Failed to start instance isg-monitor-app-/);
    world.sim.faults.reset();

    await world.backend.rollback(monitor.id);
    const back = await settle(monitor.id);
    expect(back).toMatchObject({ state: 'active', transitioning: 'no', image: monitor.image });
  });

  it('gives up waiting on a transition that never ends, saying how the service looked', async () => {
    const kv = await service('bar-nersc', 'kv');
    world.sim.faults.patch({ stuck_transition: 'yes' });
    await world.backend.serviceAction(kv.id, 'restart', { intervalMillis: 10 });
    const err = await world.backend.waitForSettled(kv.id, { timeoutMs: 300 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RancherSettleTimeoutError);
    expect((err as RancherSettleTimeoutError).lastSeen).toMatchObject({ state: 'restarting', transitioning: 'yes' });
  });

  it('hands back a transition that ended in error', async () => {
    const web = await service('genome-browser', 'web');
    world.sim.faults.patch({ stuck_transition: 'error', stuck_message: 'Timeout waiting for instance to start' });
    await world.backend.serviceAction(web.id, 'restart', { intervalMillis: 10 });
    const failed = await settle(web.id);
    expect(failed).toMatchObject({ transitioning: 'error', transitioningMessage: 'Timeout waiting for instance to start' });
  });
});
