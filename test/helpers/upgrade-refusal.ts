// Test support: the HTTP answer a websocket upgrade was refused with.
import type WebSocket from 'ws';
import { checkResponse } from './openapi-conformance';

/** Resolves with the status and body of a refused upgrade; rejects when the upgrade is accepted. */
export function upgradeRefusal(ws: WebSocket): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => {
        checkResponse(ws.url, { method: 'GET', status: res.statusCode ?? 0, contentType: res.headers['content-type'] ?? null, body });
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    ws.on('open', () => reject(new Error('upgrade unexpectedly accepted')));
    ws.on('error', () => undefined);
  });
}
