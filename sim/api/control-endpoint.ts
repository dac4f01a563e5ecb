import type { IncomingMessage } from 'node:http';
import { ZodError, z } from 'zod';
import type { FaultState } from '../faults/faults';
import type { Reply } from './api-env';
import { readJsonBody } from './http-io';

// The fault control endpoint: `/_sim/faults` (GET current knobs, PUT all of them, PATCH some, POST
// `/_sim/faults/reset` back to the start-up flags). Enabled only by the `control` option, which the
// portal's production configuration never sets, and answering loopback callers only.

const loopback = /^(127\.|::1$|::ffff:127\.)/;

export function isLoopback(address: string | undefined): boolean {
  return address !== undefined && loopback.test(address);
}

export async function routeControl(req: IncomingMessage, path: string, faults: FaultState): Promise<Reply> {
  if (!isLoopback(req.socket.remoteAddress)) return { status: 403, body: { error: 'the control endpoint answers loopback callers only' } };
  const method = req.method ?? 'GET';
  try {
    if (path === '/_sim/faults' && method === 'GET') return { status: 200, body: faults.value };
    if (path === '/_sim/faults' && method === 'PUT') return { status: 200, body: faults.replace(await readJsonBody(req)) };
    if (path === '/_sim/faults' && (method === 'PATCH' || method === 'POST')) return { status: 200, body: faults.patch(await readJsonBody(req)) };
    if (path === '/_sim/faults/reset' && method === 'POST') return { status: 200, body: faults.reset() };
  } catch (err) {
    if (err instanceof ZodError) return { status: 400, body: { error: z.prettifyError(err) } };
    throw err;
  }
  return { status: 404, body: { error: `no control route ${method} ${path}` } };
}
