import type { WebSocket } from 'ws';
import type { Faults } from '../faults/faults';

/**
 * Sends frames on a simulator websocket and applies the drop knobs read when it opened: after
 * ws_drop_after_frames frames or ws_drop_after_s seconds the TCP connection is cut without a close
 * frame, which clients see as 1006.
 */
export class FaultySocket {
  private sent = 0;
  private readonly timer: NodeJS.Timeout | null;

  constructor(
    readonly ws: WebSocket,
    private readonly faults: Readonly<Faults>,
  ) {
    const seconds = faults.ws_drop_after_s;
    this.timer = seconds === null ? null : setTimeout(() => ws.terminate(), seconds * 1000);
    ws.once('close', () => {
      if (this.timer) clearTimeout(this.timer);
    });
  }

  get open(): boolean {
    return this.ws.readyState === this.ws.OPEN;
  }

  send(data: string | Buffer): void {
    if (!this.open) return;
    this.ws.send(data);
    this.sent += 1;
    const limit = this.faults.ws_drop_after_frames;
    if (limit !== null && this.sent >= limit) this.ws.terminate();
  }

  close(code: number, reason?: string): void {
    if (this.open) this.ws.close(code, reason);
  }
}
