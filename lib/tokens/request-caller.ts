import 'server-only';
import { getAuditStore } from '@/lib/audit/get-audit-store';
import type { PortalSession } from '@/lib/auth/session-token';
import { env } from '@/lib/config/env';
import type { SessionUser } from '@/lib/domain/access/session-user';
import { BadRequestError, TooManyRequestsError, UnauthenticatedError } from '@/lib/domain/errors/app-error';
import { ownerGroups } from './owner-groups';
import { parseToken, tokenMatchesHash } from './personal-token';
import { TokenBuckets } from './token-rate-limit';

/** Who is calling: a browser session (its record's id) or a personal API token (its id), and the person. */
export interface Caller {
  kind: 'session' | 'token';
  id: string;
  user: SessionUser;
}

export interface CallerRequest {
  /** The Authorization header, if any. */
  authorization: string | null | undefined;
  /** The names of the request's cookies. */
  cookieNames: readonly string[];
  clientAddress: string;
  /** The browser session of the request's cookies (lib/auth/session-token.ts). */
  session(): Promise<PortalSession | null>;
}

/** A token's last use is written at most this often, so requests do not each write. */
const lastUseWriteMs = 60_000;

const holder = globalThis as typeof globalThis & { spinPortalTokenBuckets?: TokenBuckets };

function tokenBuckets(): TokenBuckets {
  holder.spinPortalTokenBuckets ??= new TokenBuckets(env().TOKEN_RATE_LIMIT_PER_MINUTE);
  return holder.spinPortalTokenBuckets;
}

/** Whether a request carries credentials in its Authorization header (then it needs no Origin). */
export function hasAuthorization(authorization: string | null | undefined): boolean {
  return (authorization ?? '').trim() !== '';
}

function hasSessionCookie(cookieNames: readonly string[]): boolean {
  return cookieNames.some((name) => name.includes('next-auth.session-token'));
}

/**
 * THE answer to "who is asking", for route handlers and websocket upgrades alike: the browser session
 * of the cookie, or the personal API token of `Authorization: Bearer spinpat_…`, never both (400).
 * Null when neither is there; a token that is unknown, expired or revoked is a 401.
 */
export async function resolveCaller(request: CallerRequest): Promise<Caller | null> {
  if (!hasAuthorization(request.authorization)) {
    const session = await request.session();
    return session ? { kind: 'session', ...session } : null;
  }
  if (hasSessionCookie(request.cookieNames)) {
    throw new BadRequestError('Send either an API token or a session cookie, not both.', { errors: [{ path: 'authorization', message: 'sent with a session cookie' }] });
  }
  const bearer = /^Bearer\s+(\S+)$/i.exec((request.authorization ?? '').trim())?.[1];
  if (!bearer) throw new UnauthenticatedError('Send a personal API token as Authorization: Bearer spinpat_….');
  return callerOfToken(bearer, request.clientAddress);
}

/**
 * The person behind a presented token (the bearer's, or `spinpat_<id>_<secret>` rebuilt from a key
 * pair), narrowed to its stacks and rights, with the owner's groups as the directory has them now.
 * Rate limited per token; the last use is recorded, at most once a minute. 401 for any bad token.
 */
export async function callerOfToken(presented: string, clientAddress: string): Promise<Caller> {
  const parsed = parseToken(presented);
  const audit = await getAuditStore();
  const record = parsed ? await audit.tokens.get(parsed.id) : null;
  if (!record || !tokenMatchesHash(presented, record.hash)) throw new UnauthenticatedError('This API token is not valid.');
  const now = Date.now();
  if (record.revokedAt !== null) throw new UnauthenticatedError(`API token ${record.id} has been revoked.`);
  if (record.expiresAt <= now) throw new UnauthenticatedError(`API token ${record.id} has expired; make a new one on the API tokens page.`);
  const taken = tokenBuckets().take(record.id, now);
  if (!taken.allowed) throw new TooManyRequestsError(`Too many requests with API token ${record.id}; wait ${taken.retryAfterSeconds} s.`, taken.retryAfterSeconds);
  const { groups, isStaff } = await ownerGroups(record.owner, now);
  if (record.lastUsedAt === null || now - record.lastUsedAt >= lastUseWriteMs) await audit.tokens.recordUse(record.id, now, clientAddress);
  return {
    kind: 'token',
    id: record.id,
    user: { uid: record.owner, name: record.owner, groups, isStaff, token: { id: record.id, stackIds: record.stackIds, rights: record.rights } },
  };
}

/** Whether a token may still be used (open websockets re-check it, as they do sessions). */
export async function isTokenActive(tokenId: string): Promise<boolean> {
  const record = await (await getAuditStore()).tokens.get(tokenId);
  return record !== null && record.revokedAt === null && record.expiresAt > Date.now();
}
