import 'server-only';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { tokenIdAlphabet, tokenIdLength, tokenPattern, tokenPrefix, tokenSecretAlphabet, tokenSecretLength } from '@/lib/domain/tokens/token-schemas';

/** A freshly made token: shown to its owner once, then only its hash is kept. */
export interface GeneratedToken {
  id: string;
  secret: string;
  token: string;
}

/**
 * `length` characters drawn uniformly from `alphabet`. Bytes at or above the largest multiple of the
 * alphabet's size are thrown away instead of wrapped, so no character is likelier than another.
 */
export function randomString(alphabet: string, length: number, bytes: (n: number) => Buffer = randomBytes): string {
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    for (const byte of bytes(length * 2)) {
      if (byte >= limit) continue;
      out += alphabet[byte % alphabet.length];
      if (out.length === length) break;
    }
  }
  return out;
}

export function generateToken(): GeneratedToken {
  const id = randomString(tokenIdAlphabet, tokenIdLength);
  const secret = randomString(tokenSecretAlphabet, tokenSecretLength);
  return { id, secret, token: `${tokenPrefix}${id}_${secret}` };
}

/** The id and secret of a well-formed token; null for anything else. */
export function parseToken(text: string): { id: string; secret: string } | null {
  const match = tokenPattern.exec(text);
  return match?.[1] && match[2] ? { id: match[1], secret: match[2] } : null;
}

/** What is stored: the SHA-256 of the whole token, hex. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Compares a presented token with a stored hash in time that does not depend on where they differ. */
export function tokenMatchesHash(token: string, storedHash: string): boolean {
  const presented = Buffer.from(hashToken(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return stored.length === presented.length && timingSafeEqual(presented, stored);
}
