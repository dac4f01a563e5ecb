import type { LogEntry } from './log-entry';
import { type LogSocketFrame, parseLogSocketFrame } from './log-socket-frame';
import { stripAnsi } from './ansi-sgr';
import { type LogTime, parseLogTime } from './log-time';
import { backoffDelay, closeVerdict } from './reconnect-policy';
import { ResumeDeduplicator } from './resume-dedup';
import { browserTimers, type TimerHandle, type Timers } from './timers';

/** How long a socket must stay open before its drop counts as a fresh accident. */
export const stableAfterMs = 10_000;

/** The part of the browser's WebSocket a log connection uses (a fake stands in for it in tests). */
export interface LogSocket {
  onopen: (() => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  close(code?: number, reason?: string): void;
}

export type ConnectionStatus =
  | { state: 'connecting' }
  | { state: 'connected' }
  | { state: 'reconnecting'; retryAt: number; attempt: number; reason: string }
  /** The container stopped; the log is reopened when it runs again (resumeIfWaiting) or at retryAt. */
  | { state: 'waiting'; retryAt: number }
  | { state: 'closed'; reason: string };

export interface LogConnectionOptions {
  containerId: string;
  url: string;
  openSocket: (url: string) => LogSocket;
  onEntry: (entry: LogEntry) => void;
  onStatus: (status: ConnectionStatus) => void;
  /** Hands out the arrival numbers shared by every connection of a view. */
  nextSeq: () => number;
  timers?: Timers;
}

/**
 * One container's log socket: turns frames into entries, reconnects after accidents with backoff, and
 * resumes after the last line seen, marking the seam with a gap entry.
 */
export class LogConnection {
  private socket: LogSocket | null = null;
  private retryTimer: TimerHandle | null = null;
  private attempt = 0;
  private isStopped = false;
  private readonly dedup = new ResumeDeduplicator();
  private lastTime: LogTime | null = null;
  private openedAt: number | null = null;
  private isWaiting = false;
  private readonly timers: Timers;

  constructor(private readonly options: LogConnectionOptions) {
    this.timers = options.timers ?? browserTimers;
  }

  get containerId(): string {
    return this.options.containerId;
  }

  start(): void {
    this.isStopped = false;
    this.open();
  }

  /** Closes for good (until start); a late close event from the old socket is ignored. */
  stop(): void {
    this.isStopped = true;
    this.clearRetry();
    const socket = this.detach();
    socket?.close(1000, 'viewer closed');
  }

  /** Reconnects at once (the status line's "Reconnect" button), resuming without repeats. */
  reconnectNow(): void {
    if (this.isStopped) return;
    this.clearRetry();
    this.detach()?.close(1000, 'reconnecting');
    this.open();
  }

  /** The page saw the container running again: reopen now instead of at the next retry. */
  resumeIfWaiting(): void {
    if (this.isWaiting) this.reconnectNow();
  }

  private open(): void {
    this.isWaiting = false;
    if (this.lastTime) this.dedup.beginResume();
    this.options.onStatus({ state: 'connecting' });
    const socket = this.options.openSocket(this.options.url);
    this.socket = socket;
    this.openedAt = null;
    socket.onopen = () => {
      this.openedAt = this.timers.now();
      this.options.onStatus({ state: 'connected' });
    };
    socket.onmessage = (event) => {
      const frame = parseLogSocketFrame(event.data);
      if (frame) this.receive(frame);
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.closed(event.code, event.reason);
    };
  }

  // Entries are written out as literals with one property order: objects built by spreading get
  // shapes of their own, and reading 100,000 of them per render was 50 times slower.
  private receive(frame: LogSocketFrame): void {
    const now = this.timers.now();
    const { containerId, nextSeq } = this.options;
    if ('type' in frame) {
      if (frame.count === 0) return;
      this.options.onEntry({ kind: 'dropped', seq: nextSeq(), containerId, time: this.lastTime ?? { ms: now, ns: 0 }, count: frame.count });
      return;
    }
    // A stamp we cannot read keeps its place after the line before it.
    const time = parseLogTime(frame.ts) ?? this.lastTime ?? { ms: now, ns: 0 };
    const verdict = this.dedup.offer(time, frame.stream, frame.line);
    if (verdict.resumed) {
      const { since, isContinuous } = verdict.resumed;
      this.options.onEntry({ kind: 'gap', seq: nextSeq(), containerId, time: since, reconnectedAt: now, isContinuous });
    }
    if (!verdict.keep) return;
    this.lastTime = time;
    this.options.onEntry({ kind: 'line', seq: nextSeq(), containerId, time, ts: frame.ts, stream: frame.stream, line: frame.line, plain: stripAnsi(frame.line) });
  }

  private closed(code: number, serverReason: string): void {
    if (this.isStopped) return;
    const verdict = closeVerdict(code, serverReason);
    if (!verdict.shouldRetry) {
      this.options.onStatus({ state: 'closed', reason: verdict.reason });
      return;
    }
    // A socket that stayed up a while was working: this accident starts the backoff again. One that
    // drops right after sending its tail keeps backing off, so a broken upstream is not hammered.
    if (this.openedAt !== null && this.timers.now() - this.openedAt >= stableAfterMs) this.attempt = 0;
    this.attempt++;
    const delay = backoffDelay(this.attempt);
    // A crash-looping container stops and starts again: follow it across restarts without a Reconnect.
    this.isWaiting = verdict.isContainerStop === true;
    if (this.isWaiting) this.options.onStatus({ state: 'waiting', retryAt: this.timers.now() + delay });
    else this.options.onStatus({ state: 'reconnecting', retryAt: this.timers.now() + delay, attempt: this.attempt, reason: verdict.reason });
    this.retryTimer = this.timers.setTimeout(() => {
      this.retryTimer = null;
      if (!this.isStopped) this.open();
    }, delay);
  }

  private detach(): LogSocket | null {
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onopen = null;
      socket.onmessage = null;
      socket.onclose = null;
    }
    return socket;
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) this.timers.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }
}
