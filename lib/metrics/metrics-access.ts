import 'server-only';
import { timingSafeEqual } from 'node:crypto';
import { isInRanges, type AddressRange } from '@/lib/config/address-ranges';

export interface MetricsAccess {
  allowedRanges: readonly AddressRange[];
  token?: string;
}

/**
 * Whether a scraper may read /api/metrics: its address (as the custom server worked it out, proxies
 * included) is in an allowed range, or it sends `Authorization: Bearer <METRICS_TOKEN>`. The token is
 * compared in constant time.
 */
export function mayReadMetrics(request: { clientAddress: string | null; authorization: string | null }, access: MetricsAccess): boolean {
  if (request.clientAddress && isInRanges(request.clientAddress, access.allowedRanges)) return true;
  const offered = /^Bearer\s+(\S+)$/i.exec(request.authorization ?? '')?.[1];
  if (!access.token || !offered) return false;
  const expected = Buffer.from(access.token);
  const given = Buffer.from(offered);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
