import WebSocket from 'ws';
import { checkFrame } from './openapi-conformance';

/**
 * A logs or shell websocket as a test sees it: the text frames received, and how it closed.
 * `opened` rejects when the upgrade is refused.
 */
export class SocketClient {
  readonly ws: WebSocket;
  readonly frames: Record<string, unknown>[] = [];
  readonly opened: Promise<void>;
  readonly closed: Promise<{ code: number; reason: string; at: number }>;

  constructor(baseUrl: string, path: string, cookie: string) {
    this.ws = new WebSocket(`${baseUrl.replace('http', 'ws')}${path}`, { headers: { cookie, origin: baseUrl } });
    this.ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      checkFrame(this.ws.url, data.toString());
      this.frames.push(JSON.parse(data.toString()) as Record<string, unknown>);
    });
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused with ${res.statusCode}`)));
    });
    // A test that expects the refusal reads it from `ws` and never awaits `opened`.
    this.opened.catch(() => undefined);
    this.ws.on('error', () => undefined);
    this.closed = new Promise((resolve) => this.ws.on('close', (code, reason) => resolve({ code, reason: reason.toString(), at: Date.now() })));
  }

  /** Resolves once a text frame of `type` has arrived. */
  async frame(type: string, timeoutMs = 10_000): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.frames.find((f) => f.type === type);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no ${type} frame; got ${JSON.stringify(this.frames.slice(-5))}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}
