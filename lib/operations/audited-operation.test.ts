import { beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '@/lib/domain/errors/app-error';
import { toProblem } from '@/lib/domain/errors/problem';
import {
  RancherConflictError,
  RancherNoAnswerError,
  RancherNotAllowedInStateError,
  RancherUnavailableError,
} from '@/lib/rancher/errors';
import { devCattle, FakeRancherBackend, fakeContainer, fakeService, fakeStack } from '@/test/helpers/fake-rancher-backend';
import { fakeOperationContext } from '@/test/helpers/fake-operation-context';
import { restartContainer, runServiceVerb } from './service-actions';

const stack = fakeStack({
  id: '1st2',
  name: 'bar-nersc',
  owner: 'fred',
  services: [fakeService({ id: '1s4', stackId: '1st2', name: 'web', containers: [fakeContainer({ id: '1i7', serviceId: '1s4', name: 'bar-nersc-web-1' })] })],
});

let ctx: ReturnType<typeof fakeOperationContext>;
beforeEach(() => {
  ctx = fakeOperationContext(new FakeRancherBackend([stack]), { uid: 'fred' });
});

const restartWeb = () => runServiceVerb(ctx, { stackId: '1st2', serviceId: '1s4', verb: 'restart' });
const failure = (promise: Promise<unknown>) => promise.then(() => expect.fail('expected a failure'), (err: unknown) => err);
const who = { actor: 'fred', clientAddress: '192.0.2.10', userAgent: 'vitest', requestId: 'req-test-1' };

describe('auditedOperation', () => {
  it('records an accepted restart as ok', async () => {
    await restartWeb();
    expect(ctx.audit.events).toEqual([expect.objectContaining({ ...who, action: 'service.restart', stackName: 'bar-nersc', serviceName: 'web', outcome: 'ok' })]);
  });

  it('records a restart whose answer never came as unknown, and tells the person to check', async () => {
    ctx.backend.failWith('serviceAction', () => new RancherNoAnswerError({ status: 0, code: 'ETIMEDOUT', message: 'no complete answer within 1500 ms' }));
    const err = await failure(restartWeb());
    expect(ctx.audit.events).toEqual([
      expect.objectContaining({ ...who, action: 'service.restart', stackId: '1st2', serviceId: '1s4', serviceName: 'web', outcome: 'unknown', code: 'ETIMEDOUT' }),
    ]);
    expect(ctx.audit.events[0]?.completedAt).not.toBeNull();
    const { problem } = toProblem(err);
    expect(problem).toMatchObject({ status: 503, outcome: 'unknown' });
    expect(problem.detail).toBe('Rancher did not answer the request to restart web in time, so it may or may not have been done. Check its state before trying again.');
  });

  it('records a container restart whose answer never came as unknown', async () => {
    ctx.backend.failWith('restartContainer', () => new RancherNoAnswerError({ status: 504, code: 'HTTP 504', message: null }));
    const err = await failure(restartContainer(ctx, { stackId: '1st2', containerId: '1i7' }));
    expect(ctx.audit.events).toEqual([expect.objectContaining({ action: 'container.restart', containerName: 'bar-nersc-web-1', outcome: 'unknown', code: 'HTTP 504' })]);
    expect(isAppError(err) && err.message).toMatch(/^Rancher did not answer the request to restart bar-nersc-web-1 in time/);
  });

  it.each([
    ['a refusal in the current state', () => new RancherNotAllowedInStateError('web cannot restart now.', { status: 422, code: 'ActionNotAvailable', message: null }), 'ActionNotAvailable'],
    ['a conflict', () => new RancherConflictError('Someone changed service 1s4.', { status: 409, code: 'Conflict', message: null }), 'Conflict'],
    ['Rancher unavailable before the change was sent', () => new RancherUnavailableError({ status: 0, code: 'ECONNREFUSED', message: null }), 'ECONNREFUSED'],
  ])('records %s as failed and passes the error on', async (_name, makeError, code) => {
    const sent = makeError();
    ctx.backend.failWith('serviceAction', () => sent);
    expect(await failure(restartWeb())).toBe(sent);
    expect(ctx.audit.events).toEqual([expect.objectContaining({ action: 'service.restart', serviceName: 'web', outcome: 'failed', code })]);
  });

  it('records an attempt made while Rancher is down at the stack lookup as failed, with who, what and where', async () => {
    const down = new RancherUnavailableError({ status: 0, code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:18080' });
    ctx.backend.failWith('getStack', () => down);
    expect(await failure(restartWeb())).toBe(down);
    expect(ctx.audit.events).toEqual([
      expect.objectContaining({ ...who, action: 'service.restart', stackId: '1st2', serviceId: '1s4', containerId: null, outcome: 'failed', code: 'ECONNREFUSED' }),
    ]);
    expect(ctx.backend.calls.map((c) => c.method)).toEqual(['getStack']);
  });

  it('still records a stack that is not shared as denied, and a transitioning service as failed', async () => {
    const barney = fakeOperationContext(ctx.backend, { uid: 'barney' }, ctx.audit);
    await failure(runServiceVerb(barney, { stackId: '1st2', serviceId: '1s4', verb: 'stop' }));
    const busy = fakeStack({ id: '1st3', name: 'foo-jgi-doe', owner: 'fred', services: [fakeService({ id: '1s9', stackId: '1st3', state: 'restarting', transitioning: 'yes' })] });
    const fred = fakeOperationContext(new FakeRancherBackend([busy]), { uid: 'fred' }, ctx.audit);
    await failure(runServiceVerb(fred, { stackId: '1st3', serviceId: '1s9', verb: 'restart' }));
    expect(ctx.audit.events).toEqual([
      expect.objectContaining({ actor: 'barney', action: 'service.stop', outcome: 'denied', code: 'not-found' }),
      expect.objectContaining({ actor: 'fred', action: 'service.restart', stackId: '1st3', outcome: 'failed', code: 'conflict' }),
    ]);
  });

  it('records the environment of the stack acted on, and the token acted through', async () => {
    const devStack = fakeStack({ id: '1st9', name: 'foo-jgi-doe-dev', owner: 'fred', environment: devCattle, services: [fakeService({ id: '1s20', stackId: '1st9', name: 'web', containers: [fakeContainer({ id: '1i30', serviceId: '1s20' })] })] });
    const dev = fakeOperationContext(new FakeRancherBackend([devStack]), { uid: 'fred' }, ctx.audit);
    await runServiceVerb(dev, { stackId: '1st9', serviceId: '1s20', verb: 'restart' });
    await restartContainer({ ...dev, tokenId: 'tok_1' }, { stackId: '1st9', containerId: '1i30' });
    await restartWeb();
    expect(ctx.audit.events.map((e) => [e.action, e.environmentId, e.environmentName, e.tokenId])).toEqual([
      ['service.restart', '1a7', 'dev-cattle', null],
      ['container.restart', '1a7', 'dev-cattle', 'tok_1'],
      ['service.restart', '1a5', 'prod-cattle', null],
    ]);
  });

  it('records the environment of a stack found but refused, and none for a stack that does not exist', async () => {
    const barney = fakeOperationContext(ctx.backend, { uid: 'barney' }, ctx.audit);
    await failure(runServiceVerb(barney, { stackId: '1st2', serviceId: '1s4', verb: 'stop' }));
    await failure(runServiceVerb(ctx, { stackId: '1st99', serviceId: '1s4', verb: 'stop' }));
    expect(ctx.audit.events.map((e) => [e.actor, e.outcome, e.environmentId])).toEqual([
      ['barney', 'denied', '1a5'],
      ['fred', 'denied', null],
    ]);
  });
});
