import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { EventFeed } from './event-feed';
import type { ServiceItemWire, StackItemWire } from './schemas';
import { StackListMirror, type StackListSnapshot } from './stack-list-mirror';

// The mirror against a real EventFeed on a local subscribe socket, with Rancher's two lists played by a
// load function the test controls.

const stack = (id: string, name: string, extra: Partial<StackItemWire> = {}): StackItemWire => ({ id, name, state: 'active', healthState: 'healthy', group: `owner:${name}`, ...extra });
const service = (id: string, stackId: string, state = 'active'): ServiceItemWire => ({ id, name: `svc-${id}`, stackId, state, healthState: 'healthy', scale: 1, launchConfig: { imageUuid: 'docker:nginx:1' } });

let wss: WebSocketServer;
let url: string;
const sockets: WebSocket[] = [];
const cleanups: (() => void)[] = [];

beforeAll(async () => {
  wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  wss.on('connection', (socket) => sockets.push(socket));
  await new Promise((resolve) => wss.once('listening', resolve));
  url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/v2-beta/projects/1a5/subscribe`;
});

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  for (const socket of sockets.splice(0)) socket.terminate();
});

afterAll(async () => {
  await new Promise((resolve) => wss.close(resolve));
});

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(check()).toBe(true);
}

function send(resourceType: 'stack' | 'service', resource: { id: string; [field: string]: unknown }): void {
  const socket = sockets.at(-1);
  socket?.send(JSON.stringify({ name: 'resource.change', resourceType, resourceId: resource.id, data: { resource } }));
}

/** Rancher's lists, held in `world`; `hold` makes the next read wait until released. */
const dev = { id: '1a7', name: 'dev-cattle', production: false };

/** `world` is read at each load, so that a test may change Rancher's lists between reads. */
function mirrorOf(world: Omit<StackListSnapshot, 'environment'>, refreshMs = 60_000) {
  const feed = new EventFeed({ url: async () => url, headers: {}, connectTimeoutMs: 1000, reconnectDelayMs: 5 });
  const reads = { count: 0, fail: false, held: null as null | { release: () => void; gate: Promise<void> } };
  const load = async (): Promise<StackListSnapshot> => {
    reads.count++;
    const snapshot = structuredClone({ environment: dev, ...world });
    const held = reads.held;
    reads.held = null;
    if (held) await held.gate;
    if (reads.fail) throw new Error('Rancher answered 503');
    return snapshot;
  };
  const hold = () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    reads.held = { gate, release };
    return reads.held;
  };
  const mirror = new StackListMirror({ load, feed, refreshMs });
  cleanups.push(() => mirror.close(), () => feed.close());
  const names = async () => (await mirror.listStacks()).map((s) => `${s.name}:${s.services.map((v) => `${v.id}=${v.state}`).join(',')}`);
  return { mirror, feed, reads, hold, names };
}

describe('StackListMirror', () => {
  it('reads Rancher until the feed is up, then answers from memory and follows each event', async () => {
    const world = { stacks: [stack('1st1', 'foo'), stack('1st2', 'bar')], services: [service('1s1', '1st1'), service('1s2', '1st2')] };
    const { feed, reads, names } = mirrorOf(world);
    expect(await names()).toEqual(['foo:1s1=active', 'bar:1s2=active']);
    await until(() => feed.isConnected && reads.count === 2);
    const before = reads.count;
    expect(await names()).toEqual(['foo:1s1=active', 'bar:1s2=active']);
    expect(reads.count).toBe(before);

    send('service', { ...service('1s1', '1st1', 'restarting'), transitioning: 'yes', type: 'service', links: {} });
    send('stack', stack('1st3', 'new'));
    send('service', service('1s3', '1st3'));
    send('service', { ...service('1s9', '1st2'), system: true });
    await expect.poll(names).toEqual(['foo:1s1=restarting', 'bar:1s2=active', 'new:1s3=active']);

    send('stack', { ...stack('1st1', 'foo'), state: 'removed', removed: '2026-11-25T10:00:00Z' });
    await expect.poll(names).toEqual(['bar:1s2=active', 'new:1s3=active']);
    expect(reads.count).toBe(before);
  });

  it('labels every stack with its environment and knows the ids it holds only while live', async () => {
    const world = { stacks: [stack('1st1', 'foo')], services: [service('1s1', '1st1')] };
    const { mirror, feed, reads } = mirrorOf(world);
    expect(mirror.holds('1st1')).toBe(false);
    expect((await mirror.listStacks()).map((s) => s.environment)).toEqual([dev]);
    await until(() => feed.isConnected && reads.count === 2);
    await mirror.listStacks();
    expect([mirror.holds('1st1'), mirror.holds('1s1'), mirror.holds('1st2')]).toEqual([true, true, false]);
    expect((await mirror.listStacks()).map((s) => s.environment)).toEqual([dev]);
  });

  it('replays events that arrive during the fill over the older snapshot', async () => {
    const world = { stacks: [stack('1st1', 'foo')], services: [service('1s1', '1st1')] };
    const { feed, reads, hold, names } = mirrorOf(world);
    const held = hold();
    const first = names();
    await until(() => feed.isConnected && reads.count === 2);
    // The fill read Rancher before this change; the event must win over what the fill returns.
    send('service', service('1s1', '1st1', 'restarting'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    held.release();
    expect(await first).toEqual(['foo:1s1=active']);
    await expect.poll(names).toEqual(['foo:1s1=restarting']);
    const after = reads.count;
    await names();
    expect(reads.count).toBe(after);
  });

  it('throws away a fill begun before a drop of the feed', async () => {
    const world = { stacks: [stack('1st1', 'foo')], services: [service('1s1', '1st1')] };
    const { feed, reads, hold, names } = mirrorOf(world);
    await names();
    await until(() => feed.isConnected && reads.count === 2);

    const held = hold();
    sockets[0]?.terminate();
    await until(() => sockets.length === 2 && feed.isConnected);
    // The refill after the reconnect is held; meanwhile Rancher changes, the socket drops again, and the
    // next refill finishes first. The held one, released last, must not bring back the old state.
    world.services = [service('1s1', '1st1', 'stopped')];
    sockets[1]?.terminate();
    await until(() => sockets.length === 3 && feed.isConnected);
    await expect.poll(names).toEqual(['foo:1s1=stopped']);
    held.release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await expect.poll(names).toEqual(['foo:1s1=stopped']);
    const live = reads.count;
    expect(await names()).toEqual(['foo:1s1=stopped']);
    expect(reads.count).toBe(live);
  });

  it('keeps reading Rancher after a failed fill, and fills again later', async () => {
    const world = { stacks: [stack('1st1', 'foo')], services: [] };
    const { feed, reads, names } = mirrorOf(world, 100);
    reads.fail = true;
    await expect(names()).rejects.toThrow('503');
    await until(() => feed.isConnected && reads.count >= 2);
    reads.fail = false;
    expect(await names()).toEqual(['foo:']);
    await new Promise((resolve) => setTimeout(resolve, 250));
    const live = reads.count;
    await names();
    expect(reads.count).toBe(live);
  });

  it('re-reads Rancher on its refresh period, for changes no event told of', async () => {
    const world = { stacks: [stack('1st1', 'foo')], services: [service('1s1', '1st1')] };
    const { feed, reads, names } = mirrorOf(world, 100);
    await names();
    await until(() => feed.isConnected && reads.count === 2);
    world.stacks.push(stack('1st2', 'quiet'));
    await expect.poll(names, { timeout: 2000 }).toEqual(['foo:1s1=active', 'quiet:']);
  });
});
