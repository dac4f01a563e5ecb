import 'server-only';
import type { AuditStore } from '@/lib/audit/audit-store';
import type { TokenRecord } from '@/lib/audit/token-store';
import { seesEveryStack } from '@/lib/domain/access/authorize';
import { rights, type Right } from '@/lib/domain/access/rights';
import type { SessionUser } from '@/lib/domain/access/session-user';
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '@/lib/domain/errors/app-error';
import { tokenPrefix, type CreatedToken, type CreateTokenInput, type TokenView } from '@/lib/domain/tokens/token-schemas';
import { generateToken, hashToken } from './personal-token';

const dayMs = 86_400_000;
/** Live tokens one person may hold: each has its own rate limit, so more would multiply it. */
export const maxLiveTokensPerPerson = 50;

/** Where a request came from, for the audit record. */
export interface TokenRequester {
  clientAddress: string | null;
  userAgent: string | null;
  requestId: string | null;
}

/** Any right implies seeing the stack: `view` is added, and the list kept in the canonical order. */
export function withView(chosen: readonly Right[]): Right[] {
  return rights.filter((right) => right === 'view' || chosen.includes(right));
}

/**
 * Makes a token for `owner`. Its stacks must be among those the owner may see now (422 naming the
 * field otherwise), and the owner may hold at most maxLiveTokensPerPerson (409); its secret is
 * returned here and never again, only its hash is stored.
 */
export async function createToken(audit: AuditStore, owner: SessionUser, input: CreateTokenInput, visibleStackIds: readonly string[], from: TokenRequester): Promise<CreatedToken> {
  const stackIds = input.stackIds ? [...new Set(input.stackIds)] : null;
  const unknown = (stackIds ?? []).map((id, index) => ({ id, index })).filter(({ id }) => !visibleStackIds.includes(id));
  if (unknown.length > 0) {
    throw new UnprocessableError(`No stack ${unknown.map((u) => u.id).join(', ')} is shared with you: a token can only reach your own stacks.`, {
      errors: unknown.map(({ id, index }) => ({ path: `stackIds.${index}`, message: `no stack ${id} is shared with you` })),
    });
  }
  const now = Date.now();
  const live = (await audit.tokens.listUnrevoked(owner.uid)).filter((t) => t.expiresAt > now).length;
  if (live >= maxLiveTokensPerPerson) throw new ConflictError(`You hold ${live} live API tokens, the most one person may; revoke one you no longer use first.`);
  const chosenRights = input.rights ? withView(input.rights) : null;
  const generated = generateToken();
  const record = await audit.tokens.create({
    id: generated.id,
    owner: owner.uid,
    name: input.name,
    hash: hashToken(generated.token),
    createdAt: now,
    expiresAt: now + input.expiresInDays * dayMs,
    stackIds,
    rights: chosenRights,
  });
  await audit.record({ ...from, actor: owner.uid, action: 'token.create', outcome: 'ok', details: auditDetails(record) });
  return {
    id: record.id,
    name: record.name,
    token: generated.token,
    accessKey: `${tokenPrefix}${record.id}`,
    secretKey: generated.secret,
    expiresAt: new Date(record.expiresAt).toISOString(),
    stackIds: record.stackIds,
    rights: record.rights,
  };
}

/** The caller's tokens not revoked, or, for staff asking for `all`, everyone's. */
export async function listTokens(audit: AuditStore, user: SessionUser, all: boolean): Promise<TokenView[]> {
  if (all && !seesEveryStack(user)) throw new ForbiddenError('Only Spin staff can list everyone’s API tokens.', { errors: [{ path: 'all', message: 'staff only' }] });
  const now = Date.now();
  return (await audit.tokens.listUnrevoked(all ? undefined : user.uid)).map((record) => tokenView(record, now));
}

/** Revokes a token of the caller's, or anyone's for staff; any other id, or one already revoked, is a 404. */
export async function revokeToken(audit: AuditStore, user: SessionUser, tokenId: string, from: TokenRequester): Promise<void> {
  const record = await audit.tokens.get(tokenId);
  const mayRevoke = record !== null && (record.owner === user.uid || seesEveryStack(user));
  if (!record || !mayRevoke || !(await audit.tokens.revoke(tokenId, user.uid, Date.now()))) {
    throw new NotFoundError('You have no API token with this id.', { errors: [{ path: 'tokenId', message: 'no token of yours' }] });
  }
  await audit.record({ ...from, actor: user.uid, action: 'token.revoke', outcome: 'ok', details: auditDetails(record) });
}

function tokenView(record: TokenRecord, now: number): TokenView {
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    id: record.id,
    name: record.name,
    owner: record.owner,
    createdAt: iso(record.createdAt),
    expiresAt: iso(record.expiresAt),
    isExpired: record.expiresAt <= now,
    stackIds: record.stackIds,
    rights: record.rights,
    lastUsedAt: record.lastUsedAt === null ? null : iso(record.lastUsedAt),
    lastUsedAddress: record.lastUsedAddress,
  };
}

// Keys avoid the word "token": the audit store redacts members whose names look like credentials.
function auditDetails(record: TokenRecord): Record<string, unknown> {
  return { id: record.id, name: record.name, owner: record.owner, expiresAt: new Date(record.expiresAt).toISOString(), stackIds: record.stackIds, rights: record.rights };
}
