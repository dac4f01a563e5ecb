import { z } from 'zod';
import { rights } from '@/lib/domain/access/rights';

/** The prefix of every personal API token: secret scanners look for it. */
export const tokenPrefix = 'spinpat_';
export const tokenIdAlphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const tokenSecretAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const tokenIdLength = 12;
export const tokenSecretLength = 40;

/** `spinpat_<id>_<secret>` (DESIGN.md "Personal API tokens"). */
export const tokenPattern = /^spinpat_([a-z0-9]{12})_([A-Za-z0-9]{40})$/;

export const tokenIdParam = z.object({ tokenId: z.string().regex(/^[a-z0-9]{12}$/, 'expected a token id of 12 lower-case letters and digits') });

export const maxTokenNameLength = 100;
export const maxTokenDays = 365;

/** `POST /api/v1/tokens`. Any right implies `view`, which is added when missing. */
export const createTokenInput = z
  .object({
    name: z.string().trim().min(1, 'expected a name').max(maxTokenNameLength, `expected at most ${maxTokenNameLength} characters`),
    expiresInDays: z.number('expected a number of days').int('expected whole days').min(1, 'expected at least 1 day').max(maxTokenDays, `expected at most ${maxTokenDays} days`),
    stackIds: z.array(z.string().min(1).max(128)).min(1, 'expected at least one stack, or leave stackIds out for all').max(1_000).nullish(),
    rights: z.array(z.enum(rights)).min(1, 'expected at least one right, or leave rights out for all').nullish(),
  })
  .strict();
export type CreateTokenInput = z.infer<typeof createTokenInput>;

/** `GET /api/v1/tokens`: staff may ask for everyone's with `?all=1`. */
export const listTokensQuery = z.object({ all: z.enum(['0', '1']).optional() });

/** A token as listed: never its secret. `stackIds`/`rights` null: all of the owner's. */
export const tokenView = z.object({
  id: z.string(),
  name: z.string(),
  owner: z.string(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  isExpired: z.boolean(),
  stackIds: z.array(z.string()).nullable(),
  rights: z.array(z.enum(rights)).nullable(),
  lastUsedAt: z.iso.datetime().nullable(),
  lastUsedAddress: z.string().nullable(),
});
export type TokenView = z.infer<typeof tokenView>;

export const tokenList = z.object({ tokens: z.array(tokenView) });
export type TokenList = z.infer<typeof tokenList>;

/** The answer to a creation: the only time the secret is shown. */
export const createdToken = z.object({
  id: z.string(),
  name: z.string(),
  token: z.string().regex(tokenPattern),
  /** The `rancher` CLI's access key (`spinpat_<id>`) and secret key (the secret). */
  accessKey: z.string(),
  secretKey: z.string(),
  expiresAt: z.iso.datetime(),
  stackIds: z.array(z.string()).nullable(),
  rights: z.array(z.enum(rights)).nullable(),
});
export type CreatedToken = z.infer<typeof createdToken>;
