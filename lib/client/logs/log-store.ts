import { FrameBatcher, defaultFlushMs } from './frame-batcher';
import { LogConnection, type ConnectionStatus, type LogSocket } from './log-connection';
import { compareEntries, type LogEntry, type RowList } from './log-entry';
import { defaultLogCapacity, LogRingBuffer } from './log-ring-buffer';
import type { TailSize } from './log-socket-url';
import { browserTimers, type Timers } from './timers';

/** What a log view renders; a new object after every change, so React sees the change. */
export interface LogSnapshot {
  version: number;
  /** Every loaded entry of the selected containers, merged in time order (the buffer itself: read only). */
  entries: RowList<LogEntry>;
  /** Lines the buffer forgot to stay under its capacity. */
  evicted: number;
  /** Lines received since the view (re)started: counts "N new lines" while the user looks elsewhere. */
  received: number;
  statuses: ReadonlyMap<string, ConnectionStatus>;
}

export interface LogStoreOptions {
  openSocket: (url: string) => LogSocket;
  socketUrl: (containerId: string, tail: TailSize) => string;
  capacity?: number;
  flushMs?: number;
  timers?: Timers;
}

/**
 * The lines of one log view: a socket per selected container, entries batched every ~100 ms and merged
 * into one ring buffer in time order. Subscribe with React's useSyncExternalStore.
 */
export class LogStore {
  private readonly buffer: LogRingBuffer<LogEntry>;
  private readonly batcher: FrameBatcher<LogEntry>;
  private readonly connections = new Map<string, LogConnection>();
  private readonly statuses = new Map<string, ConnectionStatus>();
  private readonly listeners = new Set<() => void>();
  private readonly timers: Timers;
  private tail: TailSize | null = null;
  private seq = 0;
  private received = 0;
  private snapshot: LogSnapshot;

  constructor(private readonly options: LogStoreOptions) {
    this.timers = options.timers ?? browserTimers;
    this.buffer = new LogRingBuffer(options.capacity ?? defaultLogCapacity);
    this.batcher = new FrameBatcher((batch) => this.ingest(batch), options.flushMs ?? defaultFlushMs, this.timers);
    this.snapshot = this.makeSnapshot(0);
  }

  /**
   * Shows these containers with this tail. A container added is dialled and its tail merged in; one
   * removed is closed and its lines leave the view; a new tail size starts the whole view afresh.
   */
  setSources(containerIds: readonly string[], tail: TailSize): void {
    if (tail !== this.tail) {
      this.reset();
      this.tail = tail;
    }
    const wanted = new Set(containerIds);
    const removed = new Set<string>();
    for (const [id, connection] of this.connections) {
      if (wanted.has(id)) continue;
      connection.stop();
      this.connections.delete(id);
      this.statuses.delete(id);
      removed.add(id);
    }
    if (removed.size > 0) {
      this.batcher.flush();
      this.buffer.removeWhere((entry) => removed.has(entry.containerId));
    }
    for (const id of wanted) {
      if (this.connections.has(id)) continue;
      const connection = new LogConnection({
        containerId: id,
        url: this.options.socketUrl(id, tail),
        openSocket: this.options.openSocket,
        onEntry: (entry) => this.batcher.add(entry),
        onStatus: (status) => {
          if (!this.connections.has(id)) return;
          this.statuses.set(id, status);
          this.publish();
        },
        nextSeq: () => ++this.seq,
        timers: this.timers,
      });
      this.connections.set(id, connection);
      connection.start();
    }
    this.publish();
  }

  /** Reconnects one container now, or every container that is not connected. */
  reconnect(containerId?: string): void {
    for (const [id, connection] of this.connections) {
      if (containerId !== undefined ? id === containerId : this.statuses.get(id)?.state !== 'connected') connection.reconnectNow();
    }
  }

  /** Reopens the logs of containers that stopped and now run again. */
  resumeRunning(runningIds: readonly string[]): void {
    for (const id of runningIds) this.connections.get(id)?.resumeIfWaiting();
  }

  /** Closes every socket and empties the view; setSources starts it again. */
  close(): void {
    this.reset();
    this.tail = null;
    this.publish();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): LogSnapshot => this.snapshot;

  private reset(): void {
    for (const connection of this.connections.values()) connection.stop();
    this.connections.clear();
    this.statuses.clear();
    this.batcher.discard();
    this.buffer.clear();
    this.received = 0;
  }

  private ingest(batch: LogEntry[]): void {
    // Each container's entries arrive in order; a stable sort interleaves containers by time.
    batch.sort(compareEntries);
    this.buffer.mergeTail(batch, compareEntries);
    for (const entry of batch) if (entry.kind === 'line') this.received++;
    this.publish();
  }

  private publish(): void {
    this.snapshot = this.makeSnapshot(this.snapshot.version + 1);
    for (const listener of this.listeners) listener();
  }

  private makeSnapshot(version: number): LogSnapshot {
    return { version, entries: this.buffer, evicted: this.buffer.evicted, received: this.received, statuses: new Map(this.statuses) };
  }
}
