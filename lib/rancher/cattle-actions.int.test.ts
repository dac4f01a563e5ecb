import { describe, expect, it } from 'vitest';
import { ConflictError } from '@/lib/domain/errors/app-error';
import { contractSimForFile } from '@/test/helpers/rancher-contract-harness';
import { RancherConflictError, RancherNotAllowedInStateError } from './errors';
import type { ResourceChange, ServiceDetail, StackDetail } from '@/lib/domain/rancher/types';

// Service and container actions on the demo world, watched to the end through the event feed.

const world = contractSimForFile();

async function stack(name: string): Promise<StackDetail> {
  const summary = (await world.backend.listStacks()).find((s) => s.name === name);
  return world.backend.getStack(summary?.id ?? '');
}

async function service(stackName: string, serviceName: string): Promise<ServiceDetail> {
  const found = (await stack(stackName)).services.find((s) => s.name === serviceName);
  if (!found) throw new Error(`no ${stackName}/${serviceName}`);
  return found;
}

const settle = (id: string) => world.backend.waitForSettled(id, { timeoutMs: 15_000 });

describe('stop, start, restart', () => {
  it('stops and starts a service, refusing a restart while it is stopped', async () => {
    const kv = await service('bar-nersc', 'kv');
    const stopping = await world.backend.serviceAction(kv.id, 'stop');
    expect(stopping).toMatchObject({ id: kv.id, state: 'deactivating', transitioning: 'yes' });
    const stopped = await settle(kv.id);
    expect(stopped).toMatchObject({ state: 'inactive', transitioning: 'no', allowedVerbs: expect.arrayContaining(['start']) });
    expect(stopped.containers.every((c) => c.state === 'stopped')).toBe(true);

    const refused = await world.backend.serviceAction(kv.id, 'restart').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RancherNotAllowedInStateError);
    expect(refused).toBeInstanceOf(ConflictError);
    expect((refused as RancherNotAllowedInStateError).status).toBe(409);
    expect((refused as Error).message).toBe('The service is stopped: start it instead.');

    expect(await world.backend.serviceAction(kv.id, 'start')).toMatchObject({ state: 'activating', transitioning: 'yes' });
    const started = await settle(kv.id);
    expect(started).toMatchObject({ state: 'active', transitioning: 'no' });
    expect(started.containers.every((c) => c.state === 'running')).toBe(true);
  });

  it('restarts a service in batches, each container starting once more, and the feed tells', async () => {
    const web = await service('foo-jgi-doe', 'web');
    const changes: ResourceChange[] = [];
    const subscription = world.backend.subscribe((change) => changes.push(change));
    try {
      const restarting = await world.backend.serviceAction(web.id, 'restart', { batchSize: 1, intervalMillis: 10 });
      expect(restarting).toMatchObject({ state: 'restarting', transitioning: 'yes' });
      const done = await settle(web.id);
      expect(done).toMatchObject({ state: 'active', transitioning: 'no' });
      expect(done.containers.map((c) => c.startCount)).toEqual(web.containers.map((c) => c.startCount + 1));
      const mine = changes.filter((c) => c.resourceType === 'service' && c.id === web.id);
      expect(mine.map((c) => c.state)).toEqual(expect.arrayContaining(['restarting', 'active']));
      expect(mine.every((c) => c.stackId === web.stackId)).toBe(true);
      expect(changes.some((c) => c.resourceType === 'container' && c.id === web.containers[0]?.id)).toBe(true);
    } finally {
      subscription.close();
    }
  });

  it('restarts one container', async () => {
    const db = await service('foo-jgi-doe', 'db');
    const container = db.containers[0];
    const restarting = await world.backend.restartContainer(container?.id ?? '');
    expect(restarting).toMatchObject({ id: container?.id, stackId: db.stackId, serviceId: db.id, transitioning: 'yes' });
    for (let i = 0; i < 200; i++) {
      const now = await world.backend.getContainer(container?.id ?? '');
      if (now.transitioning === 'no') {
        expect(now).toMatchObject({ state: 'running', startCount: (container?.startCount ?? 0) + 1 });
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('container restart did not finish');
  });
});

describe('Rancher refusing an action after the portal checked', () => {
  it('maps 422 (a state race) to NotAllowedInState keeping Rancher’s code', async () => {
    const app = await service('bar-nersc', 'web');
    world.sim.faults.patch({ force_422: 1 });
    const err = await world.backend.serviceAction(app.id, 'restart').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RancherNotAllowedInStateError);
    expect((err as RancherNotAllowedInStateError).rancher.status).toBe(422);
    expect(['ActionNotAvailable', 'InvalidState']).toContain((err as RancherNotAllowedInStateError).rancher.code);
    expect((await world.backend.getService(app.id)).state).toBe('active');
  });

  it('maps 409 to Conflict', async () => {
    const app = await service('bar-nersc', 'web');
    world.sim.faults.patch({ conflict_409: 1 });
    const err = await world.backend.serviceAction(app.id, 'restart').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RancherConflictError);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as RancherConflictError).rancher).toMatchObject({ status: 409, code: 'Conflict' });
  });
});
