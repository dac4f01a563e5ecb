import { beforeEach, describe, expect, it } from 'vitest';
import { RancherUnavailableError } from '@/lib/rancher/errors';
import { FakeRancherBackend, fakeContainer, fakeService, fakeStack } from '@/test/helpers/fake-rancher-backend';
import { fakeOperationContext } from '@/test/helpers/fake-operation-context';
import { authorizeContainer } from './container-access';

const stack = fakeStack({
  id: '1st2',
  name: 'bar-nersc',
  owner: 'fred',
  services: [fakeService({ id: '1s4', stackId: '1st2', name: 'web', containers: [fakeContainer({ id: '1i7', serviceId: '1s4' })] })],
});

let backend: FakeRancherBackend;
beforeEach(() => {
  backend = new FakeRancherBackend([stack]);
});

const failure = (promise: Promise<unknown>) => promise.then(() => expect.fail('expected a failure'), (err: unknown) => err);

describe('authorizeContainer (the logs and shell relays)', () => {
  it('answers the container and its stack to the owner, recording nothing yet', async () => {
    const ctx = fakeOperationContext(backend, { uid: 'fred' });
    expect(await authorizeContainer(ctx, '1i7', 'shell', 'shell.open')).toMatchObject({ container: { id: '1i7' }, stack: { id: '1st2' }, serviceName: 'web' });
    expect(ctx.audit.events).toEqual([]);
  });

  it('records someone else as denied, with the same 404 as a missing container', async () => {
    const ctx = fakeOperationContext(backend, { uid: 'barney' });
    const refused = await failure(authorizeContainer(ctx, '1i7', 'logs', 'logs.open'));
    const missing = await failure(authorizeContainer(ctx, '1i99', 'logs', 'logs.open'));
    expect(refused).toMatchObject({ status: 404, message: 'No container 1i7 is shared with you.' });
    expect(missing).toMatchObject({ status: 404, message: 'No container 1i99 is shared with you.' });
    expect(ctx.audit.events.map((e) => [e.outcome, e.containerId])).toEqual([['denied', '1i7'], ['denied', '1i99']]);
  });

  it.each(['getContainer', 'getStack'] as const)('records an attempt made while Rancher is down at %s as failed', async (method) => {
    const ctx = fakeOperationContext(backend, { uid: 'fred' });
    const down = new RancherUnavailableError({ status: 503, code: 'HTTP 503', message: null });
    backend.failWith(method, () => down);
    expect(await failure(authorizeContainer(ctx, '1i7', 'shell', 'shell.open'))).toBe(down);
    expect(ctx.audit.events).toEqual([
      expect.objectContaining({ actor: 'fred', requestId: 'req-test-1', action: 'shell.open', containerId: '1i7', outcome: 'failed', code: 'HTTP 503' }),
    ]);
  });
});
