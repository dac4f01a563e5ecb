import 'server-only';
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

/**
 * Where a request comes from. Behind `trustedProxies` proxies, each appended the address it saw to
 * X-Forwarded-For, so the client is the Nth address from the right; anything further left the client
 * wrote itself. A list shorter than that did not come through all the proxies: the socket's peer is
 * all that is known.
 */
export function clientAddressOf(req: IncomingMessage, trustedProxies: number): string {
  const peer = req.socket.remoteAddress || 'unknown';
  if (trustedProxies === 0) return peer;
  const header = req.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  return forwarded.at(-trustedProxies) ?? peer;
}
