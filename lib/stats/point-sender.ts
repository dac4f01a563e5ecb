import 'server-only';
import type { StatsPoint } from '@/lib/domain/stats/stats-point';

/** What the sender needs of a websocket (`ws`'s WebSocket has it). */
export interface PointSocket {
  readonly bufferedAmount: number;
  readonly readyState: number;
  readonly OPEN: number;
  send(frame: string): void;
}

/** A point frame is about 220 bytes: past this many bytes waiting, the browser is behind. */
export const maxBufferedBytes = 1024;
/** How soon a held point is offered again to a browser that was behind. */
const retryMs = 250;

export interface PointSenderCounts {
  sent: number;
  /** Points replaced by a newer one of the same container before the browser could take them. */
  superseded: number;
}

/**
 * Sends points to one browser, one frame each. While the browser keeps up, at once; while it is behind
 * (more than a few points not yet handed to the network), only the newest point of each container is
 * held, and older ones are dropped: a chart wants the latest value, not a backlog. So a socket never
 * holds more than about `maxBufferedBytes` plus one point per container, however slow the browser.
 */
export class PointSender {
  private readonly held = new Map<string, StatsPoint>();
  private retry: NodeJS.Timeout | null = null;
  readonly counts: PointSenderCounts = { sent: 0, superseded: 0 };

  constructor(
    private readonly ws: PointSocket,
    private readonly onSent: (bufferedBytes: number) => void = () => undefined,
  ) {}

  offer(points: readonly StatsPoint[]): void {
    for (const point of points) {
      if (this.held.has(point.containerId)) this.counts.superseded++;
      // Deleted first, so the map keeps containers in the order their newest point came.
      this.held.delete(point.containerId);
      this.held.set(point.containerId, point);
    }
    this.flush();
  }

  stop(): void {
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    this.held.clear();
  }

  /** Points not yet sent (at most one per container). */
  get heldPoints(): number {
    return this.held.size;
  }

  private flush(): void {
    for (const [containerId, point] of this.held) {
      if (this.ws.readyState !== this.ws.OPEN) return this.stop();
      if (this.ws.bufferedAmount >= maxBufferedBytes) break;
      this.held.delete(containerId);
      this.ws.send(JSON.stringify(point));
      this.counts.sent++;
      this.onSent(this.ws.bufferedAmount);
    }
    if (this.held.size > 0 && !this.retry) {
      this.retry = setTimeout(() => {
        this.retry = null;
        this.flush();
      }, retryMs);
    }
  }
}
