import type { IncomingMessage } from 'node:http';

/**
 * The custom server puts the client's address here (from the socket, or X-Forwarded-For behind a
 * trusted proxy) after removing any value the client sent, so handlers, rate limits and the audit log
 * all see the same address.
 */
export const clientAddressHeader = 'x-portal-client-address';

export function firstHeaderValue(value: string | string[] | undefined): string | undefined {
  return (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim() || undefined;
}

/** Where a request comes from: the proxy's word only when the proxy is trusted. */
export function clientAddressOf(req: IncomingMessage, trustProxy: boolean): string {
  return (trustProxy && firstHeaderValue(req.headers['x-forwarded-for'])) || req.socket.remoteAddress || 'unknown';
}
