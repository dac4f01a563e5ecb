import 'server-only';
import WebSocket from 'ws';
import { observeEventFeedLag } from '@/lib/metrics/portal-metrics';
import { eventFrameSchema, type EventFrame } from './schemas';
import type { ResourceChange } from '@/lib/domain/rancher/types';

export interface EventFeedOptions {
  /** `ws(s)://…/v2-beta/projects/{P}/subscribe?eventNames=resource.change`, worked out at each connect. */
  url: () => Promise<string>;
  headers: Record<string, string>;
  connectTimeoutMs: number;
  /** First reconnect delay; doubles (with jitter) up to `maxReconnectDelayMs`. */
  reconnectDelayMs?: number;
  maxReconnectDelayMs?: number;
  /** Rancher pings every 5 s; a socket silent this long is taken as dead and replaced. */
  silenceMs?: number;
  /** Told about each failed connection, e.g. to log it. */
  onError?: (err: Error) => void;
}

/** The resource an event carries, whole (fields beyond these are kept). */
export type FeedResource = NonNullable<NonNullable<EventFrame['data']>['resource']>;

/** Told of each change, with the resource as the event carried it (null when it carried none). */
type Listener = (change: ResourceChange, resource: FeedResource | null) => void;

/** Maps an event to the portal's three kinds; other types (hosts, volumes…) are of no interest. */
export function toResourceChange(frame: EventFrame): ResourceChange | null {
  if (frame.name !== 'resource.change' || !frame.resourceId || !frame.resourceType) return null;
  const type = frame.resourceType;
  const resourceType = type === 'stack' ? 'stack' : type === 'container' || type === 'instance' ? 'container' : /^(service|\w+Service)$/.test(type) ? 'service' : null;
  if (!resourceType) return null;
  const resource = frame.data?.resource;
  const stackId = resourceType === 'stack' ? frame.resourceId : (resource?.stackId ?? undefined);
  return {
    resourceType,
    id: frame.resourceId,
    ...(stackId ? { stackId } : {}),
    ...(resource?.state ? { state: resource.state } : {}),
    ...(resource?.transitioning ? { transitioning: resource.transitioning } : {}),
  };
}

/**
 * Rancher's subscribe socket shared by every listener: opened with the first listener, closed with the
 * last, and reopened with backoff whenever it drops (Rancher closes it after 12 h, and proxies sooner).
 */
export class EventFeed {
  private readonly listeners = new Set<Listener>();
  private readonly connectionListeners = new Set<(isConnected: boolean) => void>();
  private socket: WebSocket | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private connecting: Promise<void> | null = null;
  private silenceTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  private connected = false;

  constructor(private readonly options: EventFeedOptions) {}

  get isConnected(): boolean {
    return this.connected;
  }

  /** Adds a listener; the returned function removes it. */
  add(listener: Listener): () => void {
    this.listeners.add(listener);
    if (!this.socket && !this.reconnectTimer && !this.connecting) this.connect();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  onConnectionChange(listener: (isConnected: boolean) => void): () => void {
    this.connectionListeners.add(listener);
    return () => this.connectionListeners.delete(listener);
  }

  close(): void {
    this.listeners.clear();
    this.stop();
  }

  private connect(): void {
    this.connecting = this.options.url().then(
      (url) => {
        this.connecting = null;
        if (this.listeners.size > 0) this.open(url);
      },
      (err: Error) => {
        this.connecting = null;
        this.options.onError?.(err);
        if (this.listeners.size > 0) this.scheduleReconnect();
      },
    );
  }

  private open(url: string): void {
    const socket = new WebSocket(url, { headers: this.options.headers, handshakeTimeout: this.options.connectTimeoutMs });
    this.socket = socket;
    socket.on('open', () => {
      this.failures = 0;
      this.setConnected(true);
      this.watchSilence();
    });
    socket.on('message', (data: WebSocket.RawData) => {
      this.watchSilence();
      this.dispatch(data.toString());
    });
    socket.on('unexpected-response', (_req, res) => {
      this.options.onError?.(new Error(`Rancher refused the event feed with HTTP ${res.statusCode ?? 0}`));
      res.resume();
      socket.terminate();
    });
    socket.on('error', (err) => this.options.onError?.(err));
    socket.on('close', () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.clearSilence();
      this.setConnected(false);
      if (this.listeners.size > 0) this.scheduleReconnect();
    });
  }

  private dispatch(text: string): void {
    let frame: EventFrame;
    try {
      frame = eventFrameSchema.parse(JSON.parse(text));
    } catch (err) {
      this.options.onError?.(new Error(`unreadable event frame: ${(err as Error).message}`));
      return;
    }
    if (frame.name === 'logout') {
      this.socket?.terminate();
      return;
    }
    const change = toResourceChange(frame);
    if (!change) return;
    observeEventFeedLag(frame.time);
    const resource = frame.data?.resource ?? null;
    for (const listener of [...this.listeners]) listener(change, resource);
  }

  private scheduleReconnect(): void {
    const base = this.options.reconnectDelayMs ?? 250;
    const max = this.options.maxReconnectDelayMs ?? 10_000;
    const delay = Math.min(max, base * 2 ** this.failures) * (0.5 + Math.random() / 2);
    this.failures++;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (this.listeners.size > 0) this.connect();
    }, delay);
  }

  private watchSilence(): void {
    this.clearSilence();
    this.silenceTimer = setTimeout(() => this.socket?.terminate(), this.options.silenceMs ?? 15_000);
  }

  private clearSilence(): void {
    if (this.silenceTimer) clearTimeout(this.silenceTimer);
    this.silenceTimer = null;
  }

  private setConnected(isConnected: boolean): void {
    if (this.connected === isConnected) return;
    this.connected = isConnected;
    for (const listener of [...this.connectionListeners]) listener(isConnected);
  }

  private stop(): void {
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    this.clearSilence();
    const socket = this.socket;
    this.socket = null;
    this.setConnected(false);
    socket?.terminate();
  }
}
