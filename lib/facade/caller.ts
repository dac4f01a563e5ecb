import 'server-only';
import { rightsOn } from '@/lib/domain/access/authorize';
import type { AccessStack, Right } from '@/lib/domain/access/rights';
import type { SessionUser } from '@/lib/domain/access/session-user';

/**
 * Who calls the facade: a personal token's owner, with `user.token` narrowing them to the token's
 * stacks and rights (DESIGN.md "Personal API tokens"; lib/domain/access applies it).
 */
export interface FacadeCaller {
  user: SessionUser;
  tokenId: string;
}

/** Basic credentials (`spinpat_<id>`, secret) to the acting caller; null when they name no valid token. */
export type ResolveCaller = (credentials: { accessKey: string; secretKey: string }, clientAddress: string) => Promise<FacadeCaller | null>;

/** `Authorization: Basic base64(accessKey:secretKey)` split in two; null when absent or malformed. */
export function basicCredentials(header: string | undefined): { accessKey: string; secretKey: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0 || colon === decoded.length - 1) return null;
  return { accessKey: decoded.slice(0, colon), secretKey: decoded.slice(colon + 1) };
}

/** The rights the caller holds on a stack: the owner's, within what the token was narrowed to. */
export function callerRightsOn(caller: FacadeCaller, stack: AccessStack): Right[] {
  return rightsOn(caller.user, stack);
}
