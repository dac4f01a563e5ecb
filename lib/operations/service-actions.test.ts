import { beforeEach, describe, expect, it } from 'vitest';
import { RancherNotAllowedInStateError } from '@/lib/rancher/errors';
import { FakeRancherBackend, fakeContainer, fakeService, fakeStack } from '@/test/helpers/fake-rancher-backend';
import { fakeOperationContext } from '@/test/helpers/fake-operation-context';
import type { ServiceActionVerb as ServiceVerb } from '@/lib/domain/rancher/service-verbs';
import { restartContainer, runServiceVerb } from './service-actions';

const web = fakeService({ id: '1s4', stackId: '1st2', name: 'web', containers: [fakeContainer({ id: '1i7', serviceId: '1s4', name: 'bar-nersc-web-1' })] });
const stack = fakeStack({ id: '1st2', name: 'bar-nersc', owner: 'fred', group: 'csg', services: [web] });
const other = fakeStack({ id: '1st3', name: 'foo-jgi-doe', owner: 'doe', services: [fakeService({ id: '1s9', stackId: '1st3', name: 'app' })] });

let ctx: ReturnType<typeof fakeOperationContext>;
beforeEach(() => {
  ctx = fakeOperationContext(new FakeRancherBackend([stack, other]), { uid: 'fred' });
});

const failure = (promise: Promise<unknown>) => promise.then(() => expect.fail('expected a failure'), (err: unknown) => err);
const where = { stackId: '1st2', stackName: 'bar-nersc', serviceId: '1s4', serviceName: 'web' };

describe('runServiceVerb', () => {
  it.each<[ServiceVerb, string, unknown[]]>([
    ['stop', 'serviceAction', ['1s4', 'stop', undefined]],
    ['start', 'serviceAction', ['1s4', 'start', undefined]],
    ['restart', 'serviceAction', ['1s4', 'restart', undefined]],
    ['finish-upgrade', 'finishUpgrade', ['1s4']],
    ['rollback', 'rollback', ['1s4']],
  ])('%s: reads the stack once, calls Rancher and records the row as ok', async (verb, method, args) => {
    await runServiceVerb(ctx, { stackId: '1st2', serviceId: '1s4', verb });
    expect(ctx.backend.calls).toEqual([{ method: 'getStack', args: ['1st2'] }, { method, args }]);
    expect(ctx.audit.events).toEqual([expect.objectContaining({ ...where, actor: 'fred', action: `service.${verb}`, outcome: 'ok', containerId: null, details: null })]);
  });

  it('answers the service in its new state', async () => {
    expect(await runServiceVerb(ctx, { stackId: '1st2', serviceId: '1s4', verb: 'stop' })).toMatchObject({ id: '1s4', state: 'inactive' });
  });

  it('passes the rolling options of a restart on to Rancher and keeps them in the row', async () => {
    await runServiceVerb(ctx, { stackId: '1st2', serviceId: '1s4', verb: 'restart', restart: { batchSize: 2, intervalMillis: 500 } });
    expect(ctx.backend.calls.at(-1)).toEqual({ method: 'serviceAction', args: ['1s4', 'restart', { batchSize: 2, intervalMillis: 500 }] });
    expect(ctx.audit.events[0]?.details).toEqual({ rolling: { batchSize: 2, intervalMillis: 500 } });
  });

  it('lets a member of the stack’s group act', async () => {
    const member = fakeOperationContext(ctx.backend, { uid: 'wilma', groups: ['csg'] }, ctx.audit);
    await runServiceVerb(member, { stackId: '1st2', serviceId: '1s4', verb: 'restart' });
    expect(ctx.audit.events).toEqual([expect.objectContaining({ actor: 'wilma', outcome: 'ok' })]);
  });

  it('refuses a service of another stack (named in the path) with 404, recorded as denied, sending nothing', async () => {
    expect(await failure(runServiceVerb(ctx, { stackId: '1st2', serviceId: '1s9', verb: 'stop' }))).toMatchObject({ status: 404, message: 'No service 1s9 in stack bar-nersc.' });
    expect(ctx.audit.events).toEqual([expect.objectContaining({ action: 'service.stop', outcome: 'denied', code: 'not-found' })]);
    expect(ctx.backend.calls.map((c) => c.method)).toEqual(['getStack']);
  });

  it('refuses a second click while the service stops with a 409 saying what it is doing', async () => {
    const busy = fakeStack({ ...stack, owner: 'fred', services: [{ ...web, state: 'deactivating', transitioning: 'yes' }] });
    const busyCtx = fakeOperationContext(new FakeRancherBackend([busy]), { uid: 'fred' });
    const err = await failure(runServiceVerb(busyCtx, { stackId: '1st2', serviceId: '1s4', verb: 'stop' }));
    expect(err).toMatchObject({ status: 409, message: 'web is already stopping; wait until it settles.', extra: { serviceState: 'deactivating' } });
    expect(busyCtx.audit.events).toEqual([expect.objectContaining({ ...where, action: 'service.stop', outcome: 'failed', code: 'conflict' })]);
  });
});

describe('restartContainer', () => {
  it('restarts a container of the stack and records it by name', async () => {
    expect(await restartContainer(ctx, { stackId: '1st2', containerId: '1i7' })).toMatchObject({ id: '1i7', startCount: 2 });
    expect(ctx.audit.events).toEqual([
      expect.objectContaining({ stackId: '1st2', stackName: 'bar-nersc', serviceName: 'web', action: 'container.restart', containerId: '1i7', containerName: 'bar-nersc-web-1', outcome: 'ok' }),
    ]);
  });

  it('refuses a container of another stack with 404, as if it did not exist', async () => {
    const err = await failure(restartContainer(ctx, { stackId: '1st2', containerId: '1i90' }));
    expect(err).toMatchObject({ status: 404, message: 'No container 1i90 in stack bar-nersc.' });
    expect(ctx.audit.events).toEqual([expect.objectContaining({ action: 'container.restart', outcome: 'denied' })]);
    expect(ctx.backend.calls.map((c) => c.method)).toEqual(['getStack']);
  });

  it('refuses a container that is still starting with a 409', async () => {
    const starting = fakeStack({ ...stack, owner: 'fred', services: [{ ...web, containers: [fakeContainer({ id: '1i7', serviceId: '1s4', name: 'bar-nersc-web-1', state: 'starting' })] }] });
    const startingCtx = fakeOperationContext(new FakeRancherBackend([starting]), { uid: 'fred' });
    expect(await failure(restartContainer(startingCtx, { stackId: '1st2', containerId: '1i7' }))).toMatchObject({ status: 409, message: 'bar-nersc-web-1 is already starting; wait until it settles.' });
    expect(startingCtx.audit.events).toEqual([expect.objectContaining({ action: 'container.restart', outcome: 'failed', code: 'conflict' })]);
  });

  it('records Rancher’s refusal as failed with its code', async () => {
    ctx.backend.failWith('restartContainer', () => new RancherNotAllowedInStateError('Rancher cannot restart the container while it is stopped.', { status: 422, code: 'ActionNotAvailable', message: null }));
    expect(await failure(restartContainer(ctx, { stackId: '1st2', containerId: '1i7' }))).toMatchObject({ status: 409 });
    expect(ctx.audit.events).toEqual([expect.objectContaining({ action: 'container.restart', outcome: 'failed', code: 'ActionNotAvailable' })]);
  });
});
