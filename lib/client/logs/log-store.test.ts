import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeSocketFactory, type FakeLogSocket } from './fixtures/fake-log-socket';
import { stampAt } from './fixtures/log-entries';
import type { LogEntry } from './log-entry';
import { logSocketUrl } from './log-socket-url';
import { LogStore } from './log-store';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function setup(capacity?: number) {
  const factory = fakeSocketFactory();
  const store = new LogStore({ openSocket: factory.open, socketUrl: (id, tail) => logSocketUrl({ protocol: 'http:', host: 'portal.test' }, id, tail), capacity });
  let renders = 0;
  store.subscribe(() => renders++);
  const socketOf = (id: string): FakeLogSocket => {
    const socket = factory.sockets.filter((s) => s.url.includes(`/containers/${id}/`)).at(-1);
    if (!socket) throw new Error(`no socket for ${id}`);
    return socket;
  };
  const view = () => {
    const { entries } = store.getSnapshot();
    const out: string[] = [];
    for (let i = 0; i < entries.length; i++) {
      const e: LogEntry | undefined = entries.at(i);
      if (e?.kind === 'line') out.push(`${e.containerId}:${e.line}`);
      else if (e) out.push(`${e.containerId}:<${e.kind}>`);
    }
    return out;
  };
  return { factory, store, socketOf, view, renders: () => renders };
}

describe('LogStore', () => {
  it('merges several containers in time order, batched every 100 ms', () => {
    const { store, socketOf, view, renders } = setup();
    store.setSources(['1i1', '1i2'], '500');
    socketOf('1i1').open();
    socketOf('1i2').open();
    const before = renders();
    socketOf('1i1').line(stampAt(1), 'a1');
    socketOf('1i1').line(stampAt(3), 'a3');
    socketOf('1i2').line(stampAt(2), 'b2');
    expect(view()).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(view()).toEqual(['1i1:a1', '1i2:b2', '1i1:a3']);
    expect(renders() - before).toBe(1);
    // A late tail from the second container slots in among lines already shown.
    socketOf('1i2').line(stampAt(2, 500), 'b2.5');
    socketOf('1i2').line(stampAt(4), 'b4');
    vi.advanceTimersByTime(100);
    expect(view()).toEqual(['1i1:a1', '1i2:b2', '1i2:b2.5', '1i1:a3', '1i2:b4']);
    expect(store.getSnapshot().received).toBe(5);
  });

  it('reports each connection status and a new snapshot per change', () => {
    const { store, socketOf } = setup();
    store.setSources(['1i1'], '100');
    const first = store.getSnapshot();
    expect(first.statuses.get('1i1')).toEqual({ state: 'connecting' });
    socketOf('1i1').open();
    const second = store.getSnapshot();
    expect(second).not.toBe(first);
    expect(second.version).toBeGreaterThan(first.version);
    expect(second.statuses.get('1i1')).toEqual({ state: 'connected' });
    expect(store.getSnapshot()).toBe(second);
  });

  it('drops a deselected container and its lines, keeping the others', () => {
    const { store, socketOf, view } = setup();
    store.setSources(['1i1', '1i2'], '500');
    socketOf('1i1').line(stampAt(1), 'a');
    socketOf('1i2').line(stampAt(2), 'b');
    vi.advanceTimersByTime(100);
    const second = socketOf('1i2');
    store.setSources(['1i1'], '500');
    expect(second.closedWith?.code).toBe(1000);
    expect(view()).toEqual(['1i1:a']);
    expect(store.getSnapshot().statuses.has('1i2')).toBe(false);
  });

  it('starts afresh on a new tail size', () => {
    const { store, socketOf, view, factory } = setup();
    store.setSources(['1i1'], '100');
    socketOf('1i1').line(stampAt(1), 'a');
    vi.advanceTimersByTime(100);
    store.setSources(['1i1'], 'all');
    expect(view()).toEqual([]);
    expect(factory.sockets).toHaveLength(2);
    expect(socketOf('1i1').url).toContain('tail=all');
    socketOf('1i1').line(stampAt(1), 'a');
    vi.advanceTimersByTime(100);
    expect(view()).toEqual(['1i1:a']);
  });

  it('forgets the oldest lines beyond its capacity and counts them', () => {
    const { store, socketOf } = setup(1_000);
    store.setSources(['1i1'], 'all');
    for (let i = 0; i < 1_500; i++) socketOf('1i1').line(stampAt(Math.floor(i / 100), (i % 100) * 1_000), `line ${i}`);
    vi.advanceTimersByTime(100);
    const { entries, evicted } = store.getSnapshot();
    expect(entries.length).toBe(1_000);
    expect(evicted).toBe(500);
    const first = entries.at(0);
    expect(first?.kind === 'line' && first.line).toBe('line 500');
  });

  it('resumes a dropped socket without duplicates, with a gap marker', () => {
    const { store, socketOf, view } = setup();
    store.setSources(['1i1'], '100');
    socketOf('1i1').open();
    socketOf('1i1').line(stampAt(1), 'a');
    socketOf('1i1').line(stampAt(2), 'b');
    vi.advanceTimersByTime(100);
    socketOf('1i1').drop(1006);
    vi.advanceTimersByTime(1_000);
    socketOf('1i1').open();
    socketOf('1i1').line(stampAt(1), 'a');
    socketOf('1i1').line(stampAt(2), 'b');
    socketOf('1i1').line(stampAt(3), 'c');
    vi.advanceTimersByTime(100);
    expect(view()).toEqual(['1i1:a', '1i1:b', '1i1:<gap>', '1i1:c']);
  });

  it('reconnects only the containers that are not connected', () => {
    const { store, socketOf, factory } = setup();
    store.setSources(['1i1', '1i2'], '500');
    socketOf('1i1').open();
    socketOf('1i2').drop(4404, 'container not found');
    expect(store.getSnapshot().statuses.get('1i2')).toEqual({ state: 'closed', reason: 'container not found' });
    store.reconnect();
    expect(factory.sockets.map((s) => s.url.match(/containers\/(\w+)/)?.[1])).toEqual(['1i1', '1i2', '1i2']);
  });

  it('closes everything and can start again', () => {
    const { store, socketOf, view, factory } = setup();
    store.setSources(['1i1'], '500');
    socketOf('1i1').line(stampAt(1), 'a');
    store.close();
    vi.advanceTimersByTime(100);
    expect(view()).toEqual([]);
    expect(factory.sockets[0]?.closedWith?.code).toBe(1000);
    store.setSources(['1i1'], '500');
    expect(factory.sockets).toHaveLength(2);
  });
});
