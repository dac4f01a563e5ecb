import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { tokenPattern } from '@/lib/domain/tokens/token-schemas';
import { generateToken, hashToken, parseToken, randomString, tokenMatchesHash } from './personal-token';

describe('generateToken', () => {
  it('makes spinpat_<12 of [a-z0-9]>_<40 of [A-Za-z0-9]>, different every time', () => {
    const tokens = Array.from({ length: 200 }, generateToken);
    for (const { id, secret, token } of tokens) {
      expect(token).toMatch(tokenPattern);
      expect(id).toMatch(/^[a-z0-9]{12}$/);
      expect(secret).toMatch(/^[A-Za-z0-9]{40}$/);
      expect(token).toBe(`spinpat_${id}_${secret}`);
    }
    expect(new Set(tokens.map((t) => t.token)).size).toBe(200);
  });
});

describe('randomString', () => {
  it('throws away bytes past the last whole multiple of the alphabet, so none is favoured', () => {
    // 62 letters: 248 and up would wrap onto the first letters; they must be skipped, not used.
    const bytes = [248, 255, 0, 61, 62, 247];
    let offered = 0;
    const source = (n: number) => Buffer.from(Array.from({ length: n }, () => bytes[offered++ % bytes.length] ?? 0));
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    expect(randomString(alphabet, 4, source)).toBe('A9A9');
  });

  it('draws every character about equally often', () => {
    const counts = new Map<string, number>();
    for (const c of randomString('abc', 30_000)) counts.set(c, (counts.get(c) ?? 0) + 1);
    for (const c of 'abc') expect(counts.get(c)).toBeGreaterThan(9_400);
  });
});

describe('parseToken', () => {
  it('takes a well-formed token apart and refuses anything else', () => {
    const { id, secret, token } = generateToken();
    expect(parseToken(token)).toEqual({ id, secret });
    for (const bad of ['', 'spinpat_', `${token}x`, token.replace('spinpat_', 'spinpak_'), token.toUpperCase(), `spinpat_${id}`, ` ${token}`]) {
      expect(parseToken(bad), bad).toBeNull();
    }
  });
});

describe('hashToken and tokenMatchesHash', () => {
  it('stores the SHA-256 of the whole token, never the token', () => {
    const { token, secret } = generateToken();
    const hash = hashToken(token);
    expect(hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(hash).not.toContain(secret);
  });

  it('matches only the token the hash was made from', () => {
    const one = generateToken();
    const other = generateToken();
    expect(tokenMatchesHash(one.token, hashToken(one.token))).toBe(true);
    expect(tokenMatchesHash(other.token, hashToken(one.token))).toBe(false);
    expect(tokenMatchesHash(one.token, 'abcd')).toBe(false);
  });
});
