import 'server-only';
import { createdToken, createTokenInput, listTokensQuery, tokenIdParam, tokenList } from '@/lib/domain/tokens/token-schemas';
import { mutationProblems, sessionOnlyProblems, signedInProblems, type OperationSpec } from './operation';

// Personal API tokens (DESIGN.md "Personal API tokens"): a token acts as its owner, narrowed to its
// stacks and rights, and cannot manage tokens nor open a browser session.

export const tokensPaths: Record<string, Record<string, OperationSpec>> = {
  '/api/v1/tokens': {
    post: {
      id: 'createToken',
      tag: 'tokens',
      summary: 'Create a personal API token (the secret is shown only in this answer)',
      description: 'Stored as a SHA-256 hash. Send it as `Authorization: Bearer <token>`, or give `accessKey` and `secretKey` to the `rancher` CLI. `stackIds` and `rights` null: all of the owner’s.',
      body: createTokenInput,
      success: { status: 201, schema: createdToken, description: 'The new token with its secret' },
      problems: [...signedInProblems, ...mutationProblems, 404, 409, 422],
    },
    get: {
      id: 'listTokens',
      tag: 'tokens',
      summary: 'Your tokens (staff: everyone’s with `all=1`), without secrets',
      query: listTokensQuery,
      success: { status: 200, schema: tokenList, description: 'Tokens with creation, expiry, last use and last address' },
      problems: sessionOnlyProblems,
    },
  },
  '/api/v1/tokens/{tokenId}': {
    delete: {
      id: 'revokeToken',
      tag: 'tokens',
      summary: 'Revoke a token (your own; staff: anyone’s)',
      params: tokenIdParam,
      success: { status: 204, description: 'Revoked' },
      problems: [...signedInProblems, ...mutationProblems, 404],
    },
  },
};
