import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { RancherNotFoundError, RancherSettleTimeoutError, RancherUnavailableError } from './errors';
import { EventFeed } from './event-feed';
import type { ServiceDetail } from '@/lib/domain/rancher/types';
import { waitForSettled } from './wait-for-settled';

function service(transitioning: ServiceDetail['transitioning'], state = 'active'): ServiceDetail {
  return {
    id: '1s12',
    stackId: '1st5',
    name: 'web',
    state,
    healthState: 'healthy',
    image: 'nginx:1.27',
    scale: 1,
    launchConfig: { imageUuid: 'docker:nginx:1.27' },
    containers: [],
    transitioning,
    transitioningMessage: null,
    allowedVerbs: [],
    upgradeInProgress: false,
    createdAt: '2024-05-01T10:00:00Z',
    environment: { id: '1a5', name: 'prod-cattle', production: true },
  };
}

const downFeed = () => new EventFeed({ url: () => Promise.reject(new Error('down')), headers: {}, connectTimeoutMs: 100, reconnectDelayMs: 1000 });

describe('waitForSettled', () => {
  let wss: WebSocketServer;
  let url: string;
  let server: WebSocket | undefined;

  beforeAll(async () => {
    wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    wss.on('connection', (socket) => (server = socket));
    await new Promise((resolve) => wss.once('listening', resolve));
    url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/subscribe`;
  });

  afterAll(async () => {
    for (const client of wss.clients) client.terminate();
    await new Promise((resolve) => wss.close(resolve));
  });

  it('polls when the event feed is down', async () => {
    const answers = [service('yes', 'restarting'), service('yes', 'restarting'), service('no')];
    let reads = 0;
    const feed = downFeed();
    const settled = await waitForSettled({ serviceId: '1s12', timeoutMs: 2000, feed, pollMs: 10, read: async () => answers[Math.min(reads++, 2)] ?? service('no') });
    expect(settled.state).toBe('active');
    expect(reads).toBe(3);
    feed.close();
  });

  it('rides out Rancher being briefly unavailable', async () => {
    let reads = 0;
    const feed = downFeed();
    const settled = await waitForSettled({
      serviceId: '1s12',
      timeoutMs: 2000,
      feed,
      pollMs: 10,
      read: async () => {
        reads++;
        if (reads === 1) throw new RancherUnavailableError({ status: 503, code: 'Service Unavailable', message: null });
        return service('no');
      },
    });
    expect(settled.transitioning).toBe('no');
    feed.close();
  });

  it('reads at once when the event feed says the service settled', async () => {
    let isSettled = false;
    let reads = 0;
    const feed = new EventFeed({ url: async () => url, headers: {}, connectTimeoutMs: 1000 });
    const started = Date.now();
    const waiting = waitForSettled({
      serviceId: '1s12',
      timeoutMs: 5000,
      feed,
      safetyPollMs: 60_000,
      read: async () => {
        reads++;
        return isSettled ? service('no') : service('yes', 'restarting');
      },
    });
    for (let i = 0; i < 100 && !(server && feed.isConnected); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    isSettled = true;
    server?.send(JSON.stringify({ name: 'resource.change', resourceType: 'service', resourceId: '1s99', data: { resource: { id: '1s99', state: 'active', transitioning: 'no' } } }));
    server?.send(JSON.stringify({ name: 'resource.change', resourceType: 'service', resourceId: '1s12', data: { resource: { id: '1s12', state: 'active', transitioning: 'no' } } }));
    await expect(waiting).resolves.toMatchObject({ transitioning: 'no' });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(reads).toBeLessThanOrEqual(4);
    feed.close();
  });

  it('times out with the last state seen', async () => {
    const feed = downFeed();
    const err = await waitForSettled({ serviceId: '1s12', timeoutMs: 100, feed, pollMs: 10, read: async () => service('yes', 'upgrading') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RancherSettleTimeoutError);
    expect((err as RancherSettleTimeoutError).lastSeen?.state).toBe('upgrading');
    expect((err as RancherSettleTimeoutError).status).toBe(503);
    feed.close();
  });

  it('stops when the signal aborts, and when the service is gone', async () => {
    const feed = downFeed();
    const controller = new AbortController();
    const waiting = waitForSettled({ serviceId: '1s12', timeoutMs: 5000, feed, pollMs: 10, signal: controller.signal, read: async () => service('yes') });
    controller.abort(new Error('client left'));
    await expect(waiting).rejects.toThrow('client left');
    const gone = new RancherNotFoundError('Rancher has no service 1s12.', { status: 404, code: 'Not Found', message: null });
    await expect(waitForSettled({ serviceId: '1s12', timeoutMs: 5000, feed, pollMs: 10, read: () => Promise.reject(gone) })).rejects.toBe(gone);
    feed.close();
  });
});
