import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RancherUnavailableError } from '@/lib/rancher/errors';
import { FakeRancherBackend, fakeContainer, fakeService, fakeStack } from '@/test/helpers/fake-rancher-backend';
import { fakeRelayServices, fakeUpgrade } from '@/test/helpers/fake-upgrade';
import { MemoryAuditStore } from '@/test/helpers/memory-audit-store';
import { openContainerSession, type ContainerSessionSpec } from './container-session';

const stack = fakeStack({
  id: '1st2',
  name: 'bar-nersc',
  owner: 'fred',
  services: [fakeService({ id: '1s4', stackId: '1st2', name: 'web', containers: [fakeContainer({ id: '1i7', serviceId: '1s4', name: 'bar-nersc-web-1' })] })],
});
const spec: ContainerSessionSpec<{ lines: number }> = {
  kind: 'logs',
  query: z.object({ lines: z.coerce.number().int().min(1).default(10) }),
  queryHint: 'lines must be a whole number.',
};
const cookies = { 'c=fred': { uid: 'fred' }, 'c=barney': { uid: 'barney' } };

let backend: FakeRancherBackend;
let services: ReturnType<typeof fakeRelayServices>;
beforeEach(() => {
  backend = new FakeRancherBackend([stack]);
  services = fakeRelayServices(backend, cookies);
});

// Socket slots are per process: every connection a test opened ends with it.
const upgrades: ReturnType<typeof fakeUpgrade>[] = [];
afterEach(() => {
  for (const upgrade of upgrades.splice(0)) upgrade.connection.close();
});

const failure = (promise: Promise<unknown>) => promise.then(() => expect.fail('expected a refusal'), (err: unknown) => err);
const open = (cookie: string | undefined, container = '1i7', query = '') => {
  const upgrade = fakeUpgrade(`/api/v1/containers/${container}/logs${query}`, container, cookie);
  upgrades.push(upgrade);
  return { upgrade, session: openContainerSession(upgrade, spec, services) };
};

describe('openContainerSession (the logs and shell relays’ shared skeleton)', () => {
  it('refuses an upgrade without a session with 401, before reading Rancher or recording anything', async () => {
    const { upgrade, session } = open(undefined);
    expect(await failure(session)).toMatchObject({ status: 401, message: 'Sign in to the portal first.' });
    expect(upgrade.accepted).toBeNull();
    expect(backend.calls).toEqual([]);
    expect(services.auditStore.events).toEqual([]);
  });

  it('refuses a malformed query with 400, naming the field', async () => {
    const { upgrade, session } = open('c=fred', '1i7', '?lines=many');
    expect(await failure(session)).toMatchObject({ status: 400, message: 'lines must be a whole number.', extra: { errors: [{ path: 'lines' }] } });
    expect(upgrade.accepted).toBeNull();
  });

  it('answers someone else’s container and a missing one with the same 404, each recorded as denied', async () => {
    const refused = open('c=barney');
    expect(await failure(refused.session)).toMatchObject({ status: 404, message: 'No container 1i7 is shared with you.' });
    expect(await failure(open('c=barney', '1i99').session)).toMatchObject({ status: 404, message: 'No container 1i99 is shared with you.' });
    expect(refused.upgrade.accepted).toBeNull();
    expect(services.auditStore.events.map((e) => [e.actor, e.action, e.outcome, e.containerId])).toEqual([
      ['barney', 'logs.open', 'denied', '1i7'],
      ['barney', 'logs.open', 'denied', '1i99'],
    ]);
  });

  it('passes Rancher being down on as 503 and records the attempt as failed', async () => {
    backend.failWith('getStack', () => new RancherUnavailableError({ status: 503, code: 'HTTP 503', message: null }));
    const { upgrade, session } = open('c=fred');
    expect(await failure(session)).toMatchObject({ status: 503 });
    expect(upgrade.accepted).toBeNull();
    expect(services.auditStore.events).toEqual([expect.objectContaining({ action: 'logs.open', outcome: 'failed', code: 'HTTP 503', requestId: 'req-ws-1' })]);
  });

  it('accepts the owner, reading the container and its stack once each, and watches the session', async () => {
    const { upgrade, session } = open('c=fred', '1i7', '?lines=5');
    const opened = await session;
    expect(opened).toMatchObject({ query: { lines: 5 }, access: { container: { id: '1i7' }, stack: { id: '1st2' }, serviceName: 'web' } });
    expect(opened?.ws).toBe(upgrade.accepted);
    expect(backend.calls.map((c) => c.method)).toEqual(['getContainer', 'getStack']);
    expect(services.watched).toEqual(['session-of-fred']);
  });

  it('records the open and close rows with who and where, the close with its duration', async () => {
    const opened = await open('c=fred').session;
    await opened?.recordOpen({ outcome: 'ok', details: { lines: 5 } });
    await opened?.recordClose({ outcome: 'failed', code: 'upstream', details: { linesSent: 3 } });
    const where = { stackId: '1st2', stackName: 'bar-nersc', serviceId: '1s4', serviceName: 'web', containerId: '1i7', containerName: 'bar-nersc-web-1', environmentId: '1a5', environmentName: 'prod-cattle' };
    const who = { actor: 'fred', clientAddress: '192.0.2.20', userAgent: 'vitest', requestId: 'req-ws-1', tokenId: null };
    expect(services.auditStore.events).toEqual([
      expect.objectContaining({ ...who, ...where, action: 'logs.open', outcome: 'ok', durationMs: null, details: { lines: 5 } }),
      expect.objectContaining({ ...who, ...where, action: 'logs.close', outcome: 'failed', code: 'upstream', durationMs: expect.any(Number), details: { linesSent: 3 } }),
    ]);
  });

  it('logs instead of throwing when the close row cannot be written (the socket is already gone)', async () => {
    const audit = new MemoryAuditStore();
    services = fakeRelayServices(backend, cookies, { audit });
    const opened = await open('c=fred').session;
    audit.record = () => Promise.reject(new Error('database gone'));
    await expect(opened?.recordClose({ outcome: 'ok' })).resolves.toBeUndefined();
  });

  it('refuses a socket beyond the per-person limit with 429 and frees the slot when a connection closes', async () => {
    services = fakeRelayServices(backend, cookies, { maxSockets: 1 });
    const first = open('c=fred');
    await first.session;
    expect(await failure(open('c=fred').session)).toMatchObject({ status: 429, message: expect.stringContaining('1 log and shell windows') });
    first.upgrade.connection.close();
    await expect(open('c=fred').session).resolves.not.toBeNull();
  });

  it('opens nothing for a browser that has already gone', async () => {
    const { upgrade } = open('c=fred');
    upgrade.connection.destroyed = true;
    expect(await openContainerSession(upgrade, spec, services)).toBeNull();
    expect(upgrade.accepted).toBeNull();
  });
});
