import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { EventFeed, toResourceChange } from './event-feed';
import type { ResourceChange } from '@/lib/domain/rancher/types';

describe('toResourceChange', () => {
  const event = (resourceType: string, resource: Record<string, unknown>) => ({
    name: 'resource.change',
    resourceType,
    resourceId: String(resource.id),
    data: { resource: { id: resource.id, ...resource } },
  });
  const cases = [
    { frame: event('stack', { id: '1st5', state: 'active' }), change: { resourceType: 'stack', id: '1st5', stackId: '1st5', state: 'active' } },
    {
      frame: event('service', { id: '1s12', stackId: '1st5', state: 'upgrading', transitioning: 'yes' }),
      change: { resourceType: 'service', id: '1s12', stackId: '1st5', state: 'upgrading', transitioning: 'yes' },
    },
    { frame: event('loadBalancerService', { id: '1s13', stackId: '1st5', state: 'active' }), change: { resourceType: 'service', id: '1s13', stackId: '1st5', state: 'active' } },
    { frame: event('container', { id: '1i40', stackId: '1st5', state: 'running' }), change: { resourceType: 'container', id: '1i40', stackId: '1st5', state: 'running' } },
    { frame: event('host', { id: '1h1', state: 'active' }), change: null },
    { frame: { name: 'ping' }, change: null },
  ];
  it.each(cases)('$frame.resourceType $frame.name', ({ frame, change }) => {
    expect(toResourceChange(frame as Parameters<typeof toResourceChange>[0])).toEqual(change);
  });
});

describe('EventFeed', () => {
  let wss: WebSocketServer;
  let url: string;
  const sockets: WebSocket[] = [];
  const authorizations: (string | undefined)[] = [];

  beforeAll(async () => {
    wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    wss.on('connection', (socket, req) => {
      sockets.push(socket);
      authorizations.push(req.headers.authorization);
      socket.send(JSON.stringify({ name: 'ping' }));
    });
    await new Promise((resolve) => wss.once('listening', resolve));
    url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/v2-beta/projects/1a5/subscribe?eventNames=resource.change`;
  });

  afterAll(async () => {
    for (const client of wss.clients) client.terminate();
    await new Promise((resolve) => wss.close(resolve));
  });

  const serviceEvent = (id: string, state: string) =>
    JSON.stringify({ name: 'resource.change', resourceType: 'service', resourceId: id, data: { resource: { id, state, stackId: '1st5', transitioning: 'no' } } });

  async function until(check: () => boolean): Promise<void> {
    for (let i = 0; i < 300 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(check()).toBe(true);
  }

  it('delivers changes to every listener, reconnects after a drop, and closes with the last listener', async () => {
    const errors: Error[] = [];
    const feed = new EventFeed({ url: async () => url, headers: { authorization: 'Basic x' }, connectTimeoutMs: 1000, reconnectDelayMs: 5, onError: (e) => errors.push(e) });
    const a: ResourceChange[] = [];
    const b: ResourceChange[] = [];
    const removeA = feed.add((c) => a.push(c));
    const removeB = feed.add((c) => b.push(c));
    await until(() => feed.isConnected && sockets.length === 1);
    expect(authorizations[0]).toBe('Basic x');
    sockets[0]?.send(serviceEvent('1s12', 'restarting'));
    await until(() => a.length === 1 && b.length === 1);

    sockets[0]?.terminate();
    await until(() => sockets.length === 2 && feed.isConnected);
    sockets[1]?.send(serviceEvent('1s12', 'active'));
    await until(() => a.length === 2);
    expect(a.map((c) => c.state)).toEqual(['restarting', 'active']);

    removeA();
    expect(feed.isConnected).toBe(true);
    removeB();
    expect(feed.isConnected).toBe(false);
    await until(() => sockets[1]?.readyState === sockets[1]?.CLOSED);
    expect(sockets).toHaveLength(2);
  });

  it('replaces a socket that goes silent', async () => {
    const before = sockets.length;
    const feed = new EventFeed({ url: async () => url, headers: {}, connectTimeoutMs: 1000, reconnectDelayMs: 5, silenceMs: 100 });
    const stop = feed.add(() => {});
    // The server pings once on connect and then says nothing: after 100 ms the feed must dial again.
    await until(() => sockets.length >= before + 2);
    stop();
  });

  it('keeps trying while the address cannot be worked out', async () => {
    let calls = 0;
    const errors: Error[] = [];
    const feed = new EventFeed({
      url: async () => {
        calls++;
        if (calls < 3) throw new Error('Rancher down');
        return url;
      },
      headers: {},
      connectTimeoutMs: 1000,
      reconnectDelayMs: 5,
      onError: (e) => errors.push(e),
    });
    const stop = feed.add(() => {});
    await until(() => feed.isConnected);
    expect(calls).toBe(3);
    expect(errors.map((e) => e.message)).toEqual(['Rancher down', 'Rancher down']);
    stop();
  });
});
