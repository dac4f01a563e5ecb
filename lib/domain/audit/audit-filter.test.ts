import { describe, expect, it } from 'vitest';
import { auditFilter, encodeCursor } from './audit-filter';

describe('auditFilter', () => {
  it('parses query parameters as strings', () => {
    const parsed = auditFilter.parse({ actor: 'fred', limit: '20', from: '2026-11-25T10:00:00+01:00', cursor: encodeCursor(42) });
    expect(parsed).toEqual({ actor: 'fred', limit: 20, from: '2026-11-25T09:00:00.000Z', cursor: 42 });
  });

  it('defaults the page size and accepts dates', () => {
    expect(auditFilter.parse({ to: new Date(Date.UTC(2026, 0, 1)) })).toEqual({ limit: 50, to: '2026-01-01T00:00:00.000Z' });
  });

  it.each([
    { name: 'forged cursor', input: { cursor: 'MTsgZHJvcCB0YWJsZQ' } },
    { name: 'zero cursor', input: { cursor: encodeCursor(0) } },
    { name: 'page too big', input: { limit: '501' } },
    { name: 'not a time', input: { from: 'yesterday' } },
    { name: 'empty actor', input: { actor: '' } },
  ])('rejects a $name', ({ input }) => {
    expect(auditFilter.safeParse(input).success).toBe(false);
  });
});

describe('encodeCursor', () => {
  it('round-trips chain positions through base64url text', () => {
    for (const seq of [1, 62, 63, 999_999, 2 ** 40]) {
      const text = encodeCursor(seq);
      expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(auditFilter.parse({ cursor: text }).cursor).toBe(seq);
    }
  });

  it('refuses text that is not base64', () => {
    expect(auditFilter.safeParse({ cursor: '%%%' }).success).toBe(false);
  });
});
