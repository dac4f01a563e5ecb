// A worker thread that reads one logs socket to its end and counts the lines, for bench/logs.ts. A
// browser reads in its own process: on the simulator's thread the reader and the simulator would wait
// for each other, and the side that makes the reader work harder (one frame per line through the
// portal) would be charged for the simulator's time as well.
import '../scripts/register-server-only-stub';
import { parentPort } from 'node:worker_threads';
import WebSocket from 'ws';
import { z } from 'zod';
import { parseLogFrame } from '../lib/rancher/log-frame';

export const readRequest = z.object({ url: z.string(), headers: z.record(z.string(), z.string()), portal: z.boolean() });
export type ReadRequest = z.infer<typeof readRequest>;

/** Read with a plain JSON.parse, as a browser would: the least any client of the portal must do. */
interface PortalFrame {
  type?: string;
  count?: number;
}

function read({ url, headers, portal }: ReadRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    let lines = 0;
    let lastTs = '';
    ws.on('message', (data: Buffer) => {
      if (!portal) {
        for (const line of parseLogFrame(data.toString(), lastTs)) {
          lastTs = line.ts;
          lines++;
        }
        return;
      }
      const frame = JSON.parse(data.toString()) as PortalFrame;
      if (frame.type === 'dropped') reject(new Error(`the portal dropped ${frame.count} lines: the reader fell behind`));
      else if (frame.type === undefined) lines++;
    });
    ws.once('unexpected-response', (_req, res) => reject(new Error(`websocket refused with ${res.statusCode}`)));
    ws.once('error', reject);
    ws.once('close', () => resolve(lines));
  });
}

parentPort?.on('message', (message: unknown) => {
  read(readRequest.parse(message)).then(
    (lines) => parentPort?.postMessage({ lines }),
    (err: unknown) => parentPort?.postMessage({ error: String(err) }),
  );
});
