import { beforeEach, describe, expect, it } from 'vitest';
import type { TimerHandle, Timers } from '@/lib/client/logs/timers';
import { autoRetryDelayMs, stableSessionMs } from './auto-retry';
import { ShellConnection, type ShellSocket, type TerminalSize } from './shell-connection';
import type { ShellStatus } from './shell-status';

class FakeSocket implements ShellSocket {
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  sent: (string | Uint8Array)[] = [];
  closedWith: number | null = null;
  constructor(readonly url: string) {}
  send(data: string | Uint8Array): void {
    this.sent.push(data);
  }
  close(code?: number): void {
    this.closedWith = code ?? 1005;
  }
  // What the server does:
  open(): void {
    this.onopen?.();
  }
  control(message: Record<string, unknown>): void {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  ready(shell: 'bash' | 'sh' = 'bash'): void {
    this.open();
    this.control({ type: 'ready', shell, idleTimeoutMs: 1_800_000, maxSessionMs: 28_800_000 });
  }
  output(text: string): void {
    this.onmessage?.({ data: new TextEncoder().encode(text).buffer });
  }
  drop(code: number, reason = ''): void {
    this.onclose?.({ code, reason });
  }
  texts(): string[] {
    return this.sent.filter((d): d is string => typeof d === 'string');
  }
  bytes(): string {
    return this.sent.filter((d): d is Uint8Array => typeof d !== 'string').map((d) => new TextDecoder().decode(d)).join('');
  }
}

class FakeTimers implements Timers {
  time = 1_000_000;
  private queue: { at: number; callback: () => void; id: number }[] = [];
  private nextId = 1;
  setTimeout(callback: () => void, ms: number): TimerHandle {
    const id = this.nextId++;
    this.queue.push({ at: this.time + ms, callback, id });
    return id as unknown as TimerHandle;
  }
  clearTimeout(handle: TimerHandle): void {
    this.queue = this.queue.filter((t) => t.id !== (handle as unknown as number));
  }
  now(): number {
    return this.time;
  }
  advance(ms: number): void {
    this.time += ms;
    const due = this.queue.filter((t) => t.at <= this.time);
    this.queue = this.queue.filter((t) => t.at > this.time);
    for (const t of due) t.callback();
  }
}

let sockets: FakeSocket[];
let statuses: ShellStatus[];
let warnings: (string | null)[];
let output: string;
let newSessions: number;
let timers: FakeTimers;

function connect(size: TerminalSize = { cols: 80, rows: 24 }): ShellConnection {
  const connection = new ShellConnection({
    url: ({ cols, rows }) => `ws://portal/api/v1/containers/c1/shell?cols=${cols}&rows=${rows}`,
    openSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    onOutput: (bytes) => (output += new TextDecoder().decode(bytes)),
    onStatus: (status) => statuses.push(status),
    onWarning: (message) => warnings.push(message),
    onNewSession: () => newSessions++,
    timers,
  });
  connection.start(size);
  return connection;
}

function socket(index: number): FakeSocket {
  const found = sockets[index];
  if (!found) throw new Error(`no socket ${index}`);
  return found;
}

const typed = (text: string) => new TextEncoder().encode(text);

beforeEach(() => {
  sockets = [];
  statuses = [];
  warnings = [];
  output = '';
  newSessions = 0;
  timers = new FakeTimers();
});

describe('ShellConnection', () => {
  it('opens a shell of the terminal size and reports the shell the server started', () => {
    const connection = connect({ cols: 120, rows: 40 });
    expect(socket(0).url).toBe('ws://portal/api/v1/containers/c1/shell?cols=120&rows=40');
    expect(connection.status).toEqual({ state: 'connecting' });
    socket(0).ready('sh');
    expect(connection.status).toMatchObject({ state: 'connected', shell: 'sh' });
  });

  it('sends keystrokes as binary frames and shows output', () => {
    const connection = connect();
    socket(0).ready();
    connection.input(typed('echo hello\r'));
    socket(0).output('hello\r\n');
    expect(socket(0).bytes()).toBe('echo hello\r');
    expect(socket(0).texts()).toEqual([]);
    expect(output).toBe('hello\r\n');
  });

  it('holds keystrokes typed before the shell is ready and sends them first', () => {
    const connection = connect();
    connection.input(typed('id'));
    socket(0).open();
    connection.input(typed('\r'));
    expect(socket(0).sent).toEqual([]);
    socket(0).control({ type: 'ready', shell: 'bash', idleTimeoutMs: 1, maxSessionMs: 1 });
    expect(socket(0).bytes()).toBe('id\r');
  });

  it('sends a resize only when the size differs from what the relay knows', () => {
    const connection = connect({ cols: 80, rows: 24 });
    connection.resize({ cols: 100, rows: 30 });
    expect(socket(0).sent).toEqual([]);
    socket(0).ready();
    expect(socket(0).texts().map((t) => JSON.parse(t))).toEqual([{ type: 'resize', cols: 100, rows: 30 }]);
    connection.resize({ cols: 100, rows: 30 });
    connection.resize({ cols: 90, rows: 30 });
    expect(socket(0).texts().map((t) => JSON.parse(t))).toEqual([
      { type: 'resize', cols: 100, rows: 30 },
      { type: 'resize', cols: 90, rows: 30 },
    ]);
  });

  it('says plainly when the upgrade was refused, and does not retry', () => {
    const connection = connect();
    socket(0).drop(1006);
    expect(connection.status).toEqual({ state: 'closed', reason: 'Could not connect (no access or not signed in)', retryAt: null });
    timers.advance(60_000);
    expect(sockets).toHaveLength(1);
  });

  it('ends on the shell exiting without a retry', () => {
    const connection = connect();
    socket(0).ready();
    socket(0).control({ type: 'exit', code: 0 });
    socket(0).drop(1000, 'shell exited');
    expect(connection.status).toEqual({ state: 'closed', reason: 'the shell exited', retryAt: null });
    timers.advance(60_000);
    expect(sockets).toHaveLength(1);
  });

  it.each([
    [4000, 'the maximum session length was reached'],
    [4001, 'the shell was idle too long'],
  ])('does not retry after close %s', (code, reason) => {
    const connection = connect();
    socket(0).ready();
    socket(0).drop(code);
    timers.advance(60_000);
    expect(connection.status).toEqual({ state: 'closed', reason, retryAt: null });
    expect(sockets).toHaveLength(1);
  });

  it('opens one new shell by itself after a drop, then leaves it to the user', () => {
    const connection = connect();
    socket(0).ready();
    socket(0).drop(1006);
    expect(connection.status).toEqual({ state: 'closed', reason: 'the connection dropped', retryAt: timers.now() + autoRetryDelayMs });
    timers.advance(autoRetryDelayMs);
    expect(sockets).toHaveLength(2);
    expect(newSessions).toBe(1);
    socket(1).ready();
    socket(1).drop(1006);
    timers.advance(60_000);
    expect(sockets).toHaveLength(2);
    expect(connection.status).toEqual({ state: 'closed', reason: 'the connection dropped', retryAt: null });
  });

  it('retries again after a session that worked for a while', () => {
    connect();
    socket(0).ready();
    socket(0).drop(1001);
    timers.advance(autoRetryDelayMs);
    socket(1).ready();
    timers.advance(stableSessionMs);
    socket(1).drop(1011, 'container connection lost');
    timers.advance(autoRetryDelayMs);
    expect(sockets).toHaveLength(3);
  });

  it('uses the server error text for a shell that could not be opened', () => {
    const connection = connect();
    socket(0).open();
    socket(0).control({ type: 'error', message: 'The shell could not be opened: exec failed' });
    socket(0).drop(1011, 'shell could not be opened');
    expect(connection.status).toEqual({ state: 'closed', reason: 'The shell could not be opened: exec failed', retryAt: null });
  });

  it('reconnects on request into a new shell, closing the old one and cancelling a pending retry', () => {
    const connection = connect();
    socket(0).ready();
    socket(0).drop(1006);
    connection.reconnect();
    expect(newSessions).toBe(1);
    expect(sockets).toHaveLength(2);
    timers.advance(60_000);
    expect(sockets).toHaveLength(2);
    socket(1).ready();
    connection.reconnect();
    expect(socket(1).closedWith).toBe(1000);
    expect(sockets).toHaveLength(3);
    // The old socket's late close must not touch the new shell's status.
    socket(1).drop(1000);
    expect(connection.status).toEqual({ state: 'connecting' });
  });

  it('shows the idle warning until the user types', () => {
    const connection = connect();
    socket(0).ready();
    socket(0).control({ type: 'warning', message: 'This shell closes in one minute unless you type something.' });
    connection.input(typed('x'));
    connection.input(typed('y'));
    expect(warnings).toEqual(['This shell closes in one minute unless you type something.', null]);
  });

  it('stops for good: no retry, no status after the close', () => {
    const connection = connect();
    socket(0).ready();
    const before = statuses.length;
    connection.stop();
    expect(socket(0).closedWith).toBe(1000);
    socket(0).drop(1006);
    timers.advance(60_000);
    expect(statuses).toHaveLength(before);
    expect(sockets).toHaveLength(1);
  });

  it('ignores control frames it does not know', () => {
    const connection = connect();
    socket(0).ready();
    socket(0).onmessage?.({ data: '{"type":"party"}' });
    expect(output).toBe('');
    expect(connection.status.state).toBe('connected');
  });
});
