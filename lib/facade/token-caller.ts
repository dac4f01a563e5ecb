import 'server-only';
import { callerOfToken } from '@/lib/tokens/request-caller';
import type { ResolveCaller } from './caller';

/**
 * The caller of a personal token's Basic credentials: `spinpat_<id>` and the secret are the token
 * `spinpat_<id>_<secret>`, verified by lib/tokens as a bearer token is (unknown, revoked or expired: 401).
 */
export const tokenCaller: ResolveCaller = async ({ accessKey, secretKey }, clientAddress) => {
  if (!accessKey.startsWith('spinpat_')) return null;
  const caller = await callerOfToken(`${accessKey}_${secretKey}`, clientAddress);
  return { user: caller.user, tokenId: caller.id };
};
