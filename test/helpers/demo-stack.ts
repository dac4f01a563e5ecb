import WebSocket from 'ws';
import { checkFrame } from './openapi-conformance';

export interface DemoService {
  stackId: string;
  serviceId: string;
  containerId: string;
}

/** The first service (and its first container) of the first stack `cookie`'s user sees. */
export async function firstService(baseUrl: string, cookie: string): Promise<DemoService> {
  const list = (await (await fetch(`${baseUrl}/api/v1/stacks`, { headers: { cookie } })).json()) as { stacks: { id: string }[] };
  const stackId = list.stacks[0]?.id ?? '';
  const stack = (await (await fetch(`${baseUrl}/api/v1/stacks/${stackId}`, { headers: { cookie } })).json()) as {
    services: { id: string; containers: { id: string }[] }[];
  };
  const service = stack.services[0];
  return { stackId, serviceId: service?.id ?? '', containerId: service?.containers[0]?.id ?? '' };
}

/** A websocket to the portal as a signed-in browser page opens it (session cookie, own Origin). */
export function portalSocket(baseUrl: string, path: string, cookie: string, headers: Record<string, string> = {}): WebSocket {
  const ws = new WebSocket(`${baseUrl.replace('http', 'ws')}${path}`, { headers: { cookie, origin: baseUrl, ...headers } });
  // Every JSON text frame is checked against the OpenAPI document's x-websocket (shell output is binary).
  ws.on('message', (data, isBinary) => {
    if (!isBinary) checkFrame(ws.url, data.toString());
  });
  return ws;
}

/** Resolves once the socket is open; rejects when it is refused or fails. */
export function opened(ws: WebSocket): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused with ${res.statusCode}`)));
    ws.once('error', reject);
  });
}
