import { afterEach, describe, expect, it } from 'vitest';
import { FakeRancherBackend, fakeContainer, fakeService, fakeStack } from '@/test/helpers/fake-rancher-backend';
import { fakeRelayServices, fakeUpgrade } from '@/test/helpers/fake-upgrade';
import { logsRelay } from './logs-relay';

const stack = fakeStack({
  id: '1st2',
  name: 'bar-nersc',
  owner: 'fred',
  services: [fakeService({ id: '1s4', stackId: '1st2', name: 'web', containers: [fakeContainer({ id: '1i7', serviceId: '1s4' })] })],
});
const lines = ['one', 'two', 'three'].map((line, i) => ({ ts: `2026-01-01T00:00:0${i}Z`, stream: 'stdout' as const, line }));

const upgrades: ReturnType<typeof fakeUpgrade>[] = [];
afterEach(() => {
  for (const upgrade of upgrades.splice(0)) upgrade.connection.close();
});

async function openLog(query: string) {
  const backend = new FakeRancherBackend([stack], { '1i7': lines });
  const services = fakeRelayServices(backend, { 'c=fred': { uid: 'fred' } });
  const upgrade = fakeUpgrade(`/api/v1/containers/1i7/logs${query}`, '1i7', 'c=fred');
  upgrades.push(upgrade);
  await logsRelay(services).handle(upgrade);
  return { backend, audit: services.auditStore, ws: upgrade.accepted };
}

describe('the logs relay over an in-memory Rancher', () => {
  it('reads the container and its stack once, and streams from the container it read', async () => {
    const { backend, ws } = await openLog('?tail=2&follow=0');
    expect(backend.calls.map((c) => c.method)).toEqual(['getContainer', 'getStack', 'openLogBatches']);
    expect(backend.calls[0]?.args).toEqual(['1i7']);
    // The container handed to the stream is the object authorization read, not an id to look up again.
    expect(backend.calls[2]?.args[0]).toMatchObject({ id: '1i7', stackId: '1st2' });
    expect(ws?.frames()).toEqual(lines.slice(-2));
    expect(ws?.closedWith).toEqual({ code: 1000, reason: 'end of log' });
  });

  it('records the open with what was asked and the close with what was sent', async () => {
    const { audit } = await openLog('?tail=all&follow=0');
    expect(audit.events).toEqual([
      expect.objectContaining({ action: 'logs.open', outcome: 'ok', containerId: '1i7', details: { tail: 100_000, follow: false } }),
      expect.objectContaining({ action: 'logs.close', outcome: 'ok', code: null, details: { linesSent: 3, linesDropped: 0 } }),
    ]);
  });

  it('closes with 1011 and records a failed close when Rancher stops sending', async () => {
    const backend = new FakeRancherBackend([stack]);
    backend.failWith('openLogBatches', () => new Error('socket dropped'));
    const services = fakeRelayServices(backend, { 'c=fred': { uid: 'fred' } });
    const upgrade = fakeUpgrade('/api/v1/containers/1i7/logs', '1i7', 'c=fred');
    upgrades.push(upgrade);
    await logsRelay(services).handle(upgrade);
    expect(upgrade.accepted?.closedWith?.code).toBe(1011);
    expect(services.auditStore.events.at(-1)).toMatchObject({ action: 'logs.close', outcome: 'failed', code: 'upstream' });
  });
});
