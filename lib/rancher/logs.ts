import 'server-only';
import { setTimeout as sleep } from 'node:timers/promises';
import type WebSocket from 'ws';
import { RancherUnavailableError } from './errors';
import { parseLogFrame, sortableTs } from './log-frame';
import type { LogLine } from '@/lib/domain/rancher/types';

export interface LogRequest {
  tail: number;
  follow: boolean;
  /** Docker's `since`, sent when resuming after a dropped socket. */
  since?: string;
}

export interface LogStreamOptions {
  tail: number;
  follow: boolean;
  signal?: AbortSignal;
  /** Asks Rancher for a logs token and dials it. */
  connect: (request: LogRequest) => Promise<WebSocket>;
  /** Lines buffered before the socket is paused; reading resumes at a quarter of it. */
  highWater?: number;
  /** Times a dropped follow stream is reopened before the iteration fails. */
  reconnects?: number;
  reconnectDelayMs?: number;
}

/** The lines of one socket, read no faster than they are pulled: above `highWater` the socket is paused. */
class SocketLines {
  private readonly queue: LogLine[] = [];
  private lastTs = '';
  private wake: (() => void) | null = null;
  private end: { error: Error | null } | null = null;

  constructor(
    private readonly socket: WebSocket,
    private readonly highWater: number,
  ) {
    socket.on('message', (data: WebSocket.RawData) => {
      for (const line of parseLogFrame(data.toString(), this.lastTs)) {
        this.lastTs = line.ts;
        this.queue.push(line);
      }
      if (this.queue.length >= highWater && !socket.isPaused) socket.pause();
      this.notify();
    });
    socket.on('close', (code: number) => {
      // 1000 and 1005 (no code) are Rancher closing after the tail or when the container stops.
      const isClean = code === 1000 || code === 1005;
      this.finish(isClean ? null : new RancherUnavailableError({ status: 0, code: `WebSocket ${code}`, message: 'logs socket dropped' }));
    });
    socket.resume();
  }

  /** Ends the read at once: lines still queued are dropped, as the reader asked to stop. */
  stop(): void {
    this.queue.length = 0;
    this.finish(null);
    this.socket.terminate();
  }

  /** Every line queued now (waiting for one when there is none), or null once the socket has ended. */
  async nextBatch(): Promise<LogLine[] | null> {
    for (;;) {
      if (this.queue.length > 0) {
        const batch = this.queue.splice(0);
        if (this.socket.isPaused) this.socket.resume();
        return batch;
      }
      if (this.end) {
        if (this.end.error) throw this.end.error;
        return null;
      }
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private finish(error: Error | null): void {
    this.end ??= { error };
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}

/**
 * A container's log lines, a batch at a time (what arrived since the last pull), read no faster than
 * they are pulled. A follow stream that drops is reopened (with a fresh token) from the last line seen,
 * skipping lines already given; it ends when the signal aborts, the consumer stops, or Rancher closes
 * the socket cleanly.
 */
export async function* streamLogBatches(options: LogStreamOptions): AsyncGenerator<LogLine[]> {
  const { signal, follow } = options;
  const reconnects = options.reconnects ?? 3;
  let lastTs: string | undefined;
  // After a reconnect Rancher replays its tail: lines up to the last one given are skipped.
  let resumeAfter: string | null = null;
  let drops = 0;
  while (!signal?.aborted) {
    let lines: SocketLines | null = null;
    const onAbort = () => lines?.stop();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const socket = await options.connect({ tail: options.tail, follow, ...(lastTs ? { since: lastTs } : {}) });
      lines = new SocketLines(socket, options.highWater ?? 1000);
      if (signal?.aborted) return;
      for (;;) {
        const batch = await lines.nextBatch();
        if (!batch) return;
        let start = 0;
        if (resumeAfter !== null) {
          const after = resumeAfter;
          while (start < batch.length && sortableTs(batch[start]?.ts ?? '') <= after) start++;
          if (start < batch.length) resumeAfter = null;
        }
        const fresh = start === 0 ? batch : batch.slice(start);
        const last = fresh.at(-1);
        if (!last) continue;
        lastTs = last.ts;
        drops = 0;
        yield fresh;
      }
    } catch (err) {
      if (!follow || drops >= reconnects || !(err instanceof RancherUnavailableError)) throw err;
      if (lastTs) resumeAfter = sortableTs(lastTs);
      await sleep((options.reconnectDelayMs ?? 250) * 2 ** drops);
      drops++;
    } finally {
      signal?.removeEventListener('abort', onAbort);
      lines?.stop();
    }
  }
}

/** The same stream a line at a time; an abort stops it between two lines of a batch too. */
export async function* streamLogs(options: LogStreamOptions): AsyncGenerator<LogLine> {
  for await (const batch of streamLogBatches(options)) {
    for (const line of batch) {
      if (options.signal?.aborted) return;
      yield line;
    }
  }
}
