import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeSocketFactory, type FakeLogSocket } from './fixtures/fake-log-socket';
import { stampAt } from './fixtures/log-entries';
import { type ConnectionStatus, LogConnection } from './log-connection';
import type { LogEntry } from './log-entry';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(Date.UTC(2026, 10, 25, 13, 40));
});
afterEach(() => {
  vi.useRealTimers();
});

function setup() {
  const factory = fakeSocketFactory();
  const entries: LogEntry[] = [];
  const statuses: ConnectionStatus[] = [];
  let seq = 0;
  const connection = new LogConnection({
    containerId: '1i5',
    url: 'ws://portal.test/api/v1/containers/1i5/logs?tail=500&follow=1',
    openSocket: factory.open,
    onEntry: (entry) => entries.push(entry),
    onStatus: (status) => statuses.push(status),
    nextSeq: () => ++seq,
  });
  connection.start();
  const socket = (): FakeLogSocket => {
    const last = factory.sockets.at(-1);
    if (!last) throw new Error('no socket');
    return last;
  };
  const texts = () => entries.map((e) => (e.kind === 'line' ? e.line : e.kind === 'gap' ? `<gap ${e.isContinuous ? 'continuous' : 'missing'}>` : `<dropped ${e.count}>`));
  return { factory, entries, statuses, connection, socket, texts };
}

describe('LogConnection', () => {
  it('turns frames into entries of its container, in arrival order', () => {
    const { socket, entries, statuses, texts } = setup();
    expect(socket().url).toBe('ws://portal.test/api/v1/containers/1i5/logs?tail=500&follow=1');
    socket().open();
    socket().line(stampAt(1), '\x1b[31mERROR\x1b[0m db', 'stderr');
    socket().dropped(12);
    socket().onmessage?.({ data: 'garbage' });
    socket().line(stampAt(2), 'GET /');
    expect(texts()).toEqual(['\x1b[31mERROR\x1b[0m db', '<dropped 12>', 'GET /']);
    expect(entries.map((e) => [e.seq, e.containerId])).toEqual([
      [1, '1i5'],
      [2, '1i5'],
      [3, '1i5'],
    ]);
    expect(entries[0]).toMatchObject({ kind: 'line', stream: 'stderr', plain: 'ERROR db', ts: stampAt(1) });
    // The drop marker sorts right after the line before it.
    expect(entries[1]?.time).toEqual(entries[0]?.time);
    expect(statuses.map((s) => s.state)).toEqual(['connecting', 'connected']);
  });

  it('reconnects with backoff after an accident and resumes without repeats', () => {
    const { socket, factory, statuses, texts } = setup();
    socket().open();
    socket().line(stampAt(1), 'a');
    socket().line(stampAt(2), 'b');
    socket().drop(1006);
    expect(statuses.at(-1)).toEqual({ state: 'reconnecting', attempt: 1, retryAt: Date.now() + 1_000, reason: 'the connection dropped' });
    vi.advanceTimersByTime(999);
    expect(factory.sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(factory.sockets).toHaveLength(2);
    socket().open();
    socket().line(stampAt(1), 'a');
    socket().line(stampAt(2), 'b');
    socket().line(stampAt(3), 'c');
    expect(texts()).toEqual(['a', 'b', '<gap continuous>', 'c']);
    expect(statuses.at(-1)).toEqual({ state: 'connected' });
  });

  it('marks a resumption whose tail no longer reaches the last line seen', () => {
    const { socket, texts, entries } = setup();
    socket().open();
    socket().line(stampAt(1), 'a');
    socket().drop(1011, 'upstream failure');
    vi.advanceTimersByTime(1_000);
    socket().open();
    socket().line(stampAt(7), 'later');
    expect(texts()).toEqual(['a', '<gap missing>', 'later']);
    const gap = entries[1];
    expect(gap?.kind === 'gap' && gap.reconnectedAt).toBe(Date.now());
    expect(gap?.time).toEqual(entries[0]?.time);
  });

  it('backs off 1, 2, 4 s while the socket keeps failing, and starts over after a stable one', () => {
    const { socket, factory, statuses } = setup();
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      socket().open();
      socket().drop(1006);
      const status = statuses.at(-1);
      if (status?.state !== 'reconnecting') throw new Error('not reconnecting');
      delays.push(status.retryAt - Date.now());
      vi.advanceTimersByTime(status.retryAt - Date.now());
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000]);
    socket().open();
    vi.advanceTimersByTime(10_000);
    socket().drop(1001);
    expect(statuses.at(-1)).toMatchObject({ state: 'reconnecting', attempt: 1, reason: 'the portal is restarting' });
    expect(factory.sockets).toHaveLength(5);
  });

  it('stays closed after a refusal, until asked to reconnect', () => {
    const { socket, factory, statuses, connection } = setup();
    socket().drop(4403, '');
    expect(statuses.at(-1)).toEqual({ state: 'closed', reason: 'you may not read the logs of this container' });
    vi.advanceTimersByTime(60_000);
    expect(factory.sockets).toHaveLength(1);
    connection.reconnectNow();
    expect(factory.sockets).toHaveLength(2);
  });

  it('closes its socket on stop and ignores what the old socket does after', () => {
    const { socket, factory, statuses, connection, entries } = setup();
    const first = socket();
    first.open();
    connection.stop();
    expect(first.closedWith).toEqual({ code: 1000, reason: 'viewer closed' });
    first.line(stampAt(1), 'late');
    first.drop(1006);
    vi.advanceTimersByTime(60_000);
    expect(entries).toEqual([]);
    expect(factory.sockets).toHaveLength(1);
    expect(statuses.at(-1)).toEqual({ state: 'connected' });
  });

  it('follows a container across its restarts: waits when it stops, reopens when it runs again, resumes without repeats', () => {
    const { socket, factory, statuses, connection, texts } = setup();
    socket().open();
    socket().line(stampAt(1), 'starting');
    socket().line(stampAt(2), 'Traceback: boom');
    socket().drop(1000, 'the container stopped');
    expect(statuses.at(-1)).toMatchObject({ state: 'waiting' });
    connection.resumeIfWaiting();
    expect(factory.sockets).toHaveLength(2);
    socket().open();
    socket().line(stampAt(1), 'starting');
    socket().line(stampAt(2), 'Traceback: boom');
    socket().line(stampAt(3), 'starting');
    expect(texts()).toEqual(['starting', 'Traceback: boom', '<gap continuous>', 'starting']);
    expect(statuses.at(-1)).toEqual({ state: 'connected' });
  });

  it('looks again by itself when nobody says the stopped container runs again, and not when it is connected', () => {
    const { socket, factory, connection } = setup();
    socket().open();
    connection.resumeIfWaiting();
    expect(factory.sockets).toHaveLength(1);
    socket().drop(1000, 'the container stopped');
    vi.advanceTimersByTime(1_000);
    expect(factory.sockets).toHaveLength(2);
  });

  it('cancels a pending retry when reconnecting by hand', () => {
    const { socket, factory, connection } = setup();
    socket().drop(1006);
    connection.reconnectNow();
    expect(factory.sockets).toHaveLength(2);
    vi.advanceTimersByTime(5_000);
    expect(factory.sockets).toHaveLength(2);
  });
});
