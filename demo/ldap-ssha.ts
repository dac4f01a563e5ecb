import { createHash, timingSafeEqual } from 'node:crypto';

const sha1Length = 20;

/**
 * Checks a password against a stored `userPassword` value the way slapd does for `{SSHA}`:
 * base64(SHA-1(password + salt) + salt). Any other scheme, plaintext included, never matches, so the
 * demo directory cannot accept what the real one would refuse.
 */
export function verifySshaPassword(password: string, stored: string): boolean {
  const match = /^\{SSHA\}([A-Za-z0-9+/]+={0,2})$/i.exec(stored);
  if (!match?.[1]) return false;
  const decoded = Buffer.from(match[1], 'base64');
  if (decoded.length <= sha1Length) return false;
  const digest = decoded.subarray(0, sha1Length);
  const salt = decoded.subarray(sha1Length);
  const computed = createHash('sha1').update(password, 'utf8').update(salt).digest();
  return timingSafeEqual(computed, digest);
}
