import 'server-only';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { env } from '@/lib/config/env';
import { rights } from '@/lib/domain/access/rights';

/**
 * The portal's own hostAccess tokens for the CLI's log and exec websockets (it dials `url?token=` with
 * no credentials). Signed with a key derived from NEXTAUTH_SECRET, so any replica can check one; valid
 * for `lifetimeMs`, and used once: a replica remembers the nonces it accepted until they expire.
 */
export const lifetimeMs = 30_000;

const grantSchema = z.object({
  kind: z.enum(['logs', 'shell']),
  containerId: z.string(),
  uid: z.string(),
  name: z.string(),
  groups: z.array(z.string()),
  isStaff: z.boolean(),
  token: z.object({ id: z.string(), stackIds: z.array(z.string()).nullable(), rights: z.array(z.enum(rights)).nullable() }),
  /** logs: `{ follow, lines }`; exec: `{ command, tty }`. */
  options: z.record(z.string(), z.unknown()),
  expires: z.number(),
  nonce: z.string(),
});
export type HostAccessGrant = z.infer<typeof grantSchema>;

const used = new Map<string, number>();

function sign(payload: string, secret: string): string {
  const key = createHmac('sha256', secret).update('spin-portal facade host access').digest();
  return createHmac('sha256', key).update(payload).digest('base64url');
}

export function issueHostAccess(grant: Omit<HostAccessGrant, 'expires' | 'nonce'>, now = Date.now(), secret = env().NEXTAUTH_SECRET): string {
  const payload = Buffer.from(JSON.stringify({ ...grant, expires: now + lifetimeMs, nonce: randomBytes(16).toString('base64url') })).toString('base64url');
  return `${payload}.${sign(payload, secret)}`;
}

/** The grant a token carries, once; null when forged, expired or already used. */
export function redeemHostAccess(token: string | null, now = Date.now(), secret = env().NEXTAUTH_SECRET): HostAccessGrant | null {
  for (const [nonce, expires] of used) if (expires < now) used.delete(nonce);
  const [payload, mac] = (token ?? '').split('.');
  if (!payload || !mac) return null;
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let parsed: HostAccessGrant;
  try {
    parsed = grantSchema.parse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
  } catch {
    return null;
  }
  if (parsed.expires < now || used.has(parsed.nonce)) return null;
  used.set(parsed.nonce, parsed.expires);
  return parsed;
}
