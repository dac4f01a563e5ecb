import 'server-only';
import { z } from 'zod';
import { rights } from '@/lib/domain/access/rights';
import { stackId } from '@/lib/domain/rancher/resource-ids';
import { mutationProblems, signedInProblems, type OperationSpec } from './operation';

// Personal API tokens, as DESIGN.md "Personal API tokens" specifies them, written here while the tokens
// work builds the routes (issue 22). Once lib/tokens has its zod schemas, these paths point at them and
// the schemas below go.

const tokenId = z.string().regex(/^[a-z0-9]{12}$/, 'expected a token id: 12 lowercase letters or digits');

const createTokenInput = z.object({
  name: z.string().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(365),
  stackIds: z.array(stackId).optional().describe('Only these of your stacks; all of them when absent'),
  rights: z.array(z.enum(rights)).optional().describe('Only these rights; all of yours when absent'),
});

const createdToken = z.object({
  id: tokenId,
  name: z.string(),
  token: z.string().regex(/^spinpat_[a-z0-9]{12}_[A-Za-z0-9]{40}$/).describe('Shown only in this answer: send as `Authorization: Bearer <token>`'),
  accessKey: z.string().regex(/^spinpat_[a-z0-9]{12}$/).describe('For the `rancher` CLI (--access-key)'),
  secretKey: z.string().regex(/^[A-Za-z0-9]{40}$/).describe('For the `rancher` CLI (--secret-key); shown only in this answer'),
  expiresAt: z.iso.datetime(),
  stackIds: z.array(z.string()).nullable(),
  rights: z.array(z.enum(rights)),
});

const tokenView = z.object({
  id: tokenId,
  name: z.string(),
  owner: z.string().describe('uid of the person the token acts as'),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  lastAddress: z.string().nullable(),
  stackIds: z.array(z.string()).nullable(),
  rights: z.array(z.enum(rights)),
});

export const tokensPaths: Record<string, Record<string, OperationSpec>> = {
  '/api/v1/tokens': {
    post: {
      id: 'createToken',
      tag: 'tokens',
      summary: 'Create a personal API token (the secret is shown only in this answer)',
      description: 'Stored as a SHA-256 hash. A token acts as its owner, narrowed to its stacks and rights; it cannot open a browser session.',
      body: createTokenInput,
      success: { status: 201, schema: createdToken, description: 'The new token with its secret' },
      problems: [...signedInProblems, ...mutationProblems, 404],
    },
    get: {
      id: 'listTokens',
      tag: 'tokens',
      summary: 'Your tokens (staff: everyone’s with `all=1`), without secrets',
      query: z.object({ all: z.enum(['0', '1']).optional().describe('Staff only: every person’s tokens') }),
      success: { status: 200, schema: z.object({ tokens: z.array(tokenView) }), description: 'Tokens with creation, expiry, last use and last address' },
      problems: [...signedInProblems, 400, 403],
    },
  },
  '/api/v1/tokens/{tokenId}': {
    delete: {
      id: 'revokeToken',
      tag: 'tokens',
      summary: 'Revoke a token (your own; staff: anyone’s)',
      params: z.object({ tokenId }),
      success: { status: 204, description: 'Revoked' },
      problems: [...signedInProblems, ...mutationProblems, 404],
    },
  },
};
