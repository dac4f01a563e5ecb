import { browserTimers, type TimerHandle, type Timers } from '@/lib/client/logs/timers';
import { AutoRetryBudget, autoRetryDelayMs } from './auto-retry';
import { shellCloseVerdict } from './shell-close';
import { decodeShellFrame, resizeMessage, type ShellServerMessage } from './shell-frames';
import type { ShellStatus } from './shell-status';

/** The part of the browser's WebSocket a shell uses (a fake stands in for it in tests). */
export interface ShellSocket {
  onopen: (() => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  send(data: string | Uint8Array): void;
  close(code?: number, reason?: string): void;
}

export interface TerminalSize {
  cols: number;
  rows: number;
}

export interface ShellConnectionOptions {
  /** The websocket address for a new shell of this size. */
  url: (size: TerminalSize) => string;
  openSocket: (url: string) => ShellSocket;
  onOutput: (bytes: Uint8Array) => void;
  onStatus: (status: ShellStatus) => void;
  /** The server's idle warning; null once the user types again. */
  onWarning: (message: string | null) => void;
  /** Called before each shell after the first, so the view can keep the earlier output above a divider. */
  onNewSession: () => void;
  timers?: Timers;
}

/** Keystrokes typed before the shell is ready are held (up to this many bytes) and sent once it is. */
const maxPendingBytes = 64 * 1024;

interface Attempt {
  socket: ShellSocket;
  wasOpen: boolean;
  readyAt: number | null;
  serverError: string | null;
  exitCode: number | null;
  /** The size the relay last heard of: the one in the URL, then each resize sent. */
  sentSize: TerminalSize;
}

/**
 * One terminal's shell over the relay websocket. Each open is a new shell: Rancher ends a shell when its
 * socket drops, so there is never a session to resume. After a drop it opens one new shell by itself.
 */
export class ShellConnection {
  private attempt: Attempt | null = null;
  private size: TerminalSize = { cols: 80, rows: 24 };
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private hasWarning = false;
  private retryTimer: TimerHandle | null = null;
  private isStopped = true;
  private current: ShellStatus = { state: 'connecting' };
  private readonly retries = new AutoRetryBudget();
  private readonly timers: Timers;

  constructor(private readonly options: ShellConnectionOptions) {
    this.timers = options.timers ?? browserTimers;
  }

  get status(): ShellStatus {
    return this.current;
  }

  /** Opens the first shell. */
  start(size: TerminalSize): void {
    this.size = size;
    this.isStopped = false;
    this.open();
  }

  /** Opens a new shell now (the Reconnect button, or Enter after a close), ending the current one. */
  reconnect(): void {
    if (this.isStopped) return;
    this.clearRetry();
    this.retries.reset();
    this.detach()?.close(1000, 'reconnecting');
    this.options.onNewSession();
    this.open();
  }

  /** Ends the shell for good; a late close event from its socket is ignored. */
  stop(): void {
    this.isStopped = true;
    this.clearRetry();
    this.detach()?.close(1000, 'terminal closed');
  }

  /** Sends keystrokes or pasted text (already encoded) as one binary frame. */
  input(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    if (this.hasWarning) {
      this.hasWarning = false;
      this.options.onWarning(null);
    }
    const attempt = this.attempt;
    if (!attempt) return;
    if (attempt.readyAt !== null) {
      attempt.socket.send(bytes);
    } else if (this.pendingBytes + bytes.length <= maxPendingBytes) {
      this.pending.push(bytes);
      this.pendingBytes += bytes.length;
    }
  }

  /** Remembers the terminal's size and tells the relay when a shell is running. */
  resize(size: TerminalSize): void {
    this.size = size;
    this.sendSize();
  }

  private open(): void {
    this.pending = [];
    this.pendingBytes = 0;
    this.setStatus({ state: 'connecting' });
    const size = { ...this.size };
    const socket = this.options.openSocket(this.options.url(size));
    const attempt: Attempt = { socket, wasOpen: false, readyAt: null, serverError: null, exitCode: null, sentSize: size };
    this.attempt = attempt;
    socket.onopen = () => {
      attempt.wasOpen = true;
    };
    socket.onmessage = (event) => {
      const frame = decodeShellFrame(event.data);
      if (!frame) return;
      if (frame.kind === 'output') this.options.onOutput(frame.bytes);
      else this.control(attempt, frame.message);
    };
    socket.onclose = (event) => {
      if (this.attempt !== attempt) return;
      this.attempt = null;
      this.closed(attempt, event.code, event.reason);
    };
  }

  private control(attempt: Attempt, message: ShellServerMessage): void {
    switch (message.type) {
      case 'ready': {
        attempt.readyAt = this.timers.now();
        this.setStatus({ state: 'connected', shell: message.shell, idleTimeoutMs: message.idleTimeoutMs, maxSessionMs: message.maxSessionMs });
        // The relay reads input and resizes only from now on; what was typed meanwhile goes first.
        for (const bytes of this.pending.splice(0)) attempt.socket.send(bytes);
        this.pendingBytes = 0;
        this.sendSize();
        return;
      }
      case 'warning':
        this.hasWarning = true;
        this.options.onWarning(message.message);
        return;
      case 'exit':
        attempt.exitCode = message.code;
        return;
      case 'error':
        attempt.serverError = message.message;
        return;
    }
  }

  private closed(attempt: Attempt, code: number, closeReason: string): void {
    if (this.hasWarning) {
      this.hasWarning = false;
      this.options.onWarning(null);
    }
    if (this.isStopped) return;
    const now = this.timers.now();
    const verdict = shellCloseVerdict({
      code,
      closeReason,
      serverError: attempt.serverError,
      exitCode: attempt.exitCode,
      wasOpen: attempt.wasOpen,
      wasReady: attempt.readyAt !== null,
    });
    this.retries.sessionLasted(attempt.readyAt === null ? null : now - attempt.readyAt);
    if (!verdict.isDrop || !this.retries.take()) {
      this.setStatus({ state: 'closed', reason: verdict.reason, retryAt: null });
      return;
    }
    this.setStatus({ state: 'closed', reason: verdict.reason, retryAt: now + autoRetryDelayMs });
    this.retryTimer = this.timers.setTimeout(() => {
      this.retryTimer = null;
      if (this.isStopped) return;
      this.options.onNewSession();
      this.open();
    }, autoRetryDelayMs);
  }

  private sendSize(): void {
    const attempt = this.attempt;
    if (!attempt || attempt.readyAt === null) return;
    if (attempt.sentSize.cols === this.size.cols && attempt.sentSize.rows === this.size.rows) return;
    attempt.sentSize = { ...this.size };
    attempt.socket.send(resizeMessage(this.size.cols, this.size.rows));
  }

  private setStatus(status: ShellStatus): void {
    this.current = status;
    this.options.onStatus(status);
  }

  private detach(): ShellSocket | null {
    const socket = this.attempt?.socket ?? null;
    this.attempt = null;
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
