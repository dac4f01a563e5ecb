import { describe, expect, it } from 'vitest';
import { mayReadMetrics } from './metrics-access';

const token = 't'.repeat(32);
const access = { allowedRanges: [{ address: '10.42.0.0', prefix: 16, family: 'ipv4' as const }], token };

describe('mayReadMetrics', () => {
  it('lets in an allowed address range or the bearer token', () => {
    expect(mayReadMetrics({ clientAddress: '10.42.1.2', authorization: null }, access)).toBe(true);
    expect(mayReadMetrics({ clientAddress: '192.0.2.1', authorization: `Bearer ${token}` }, access)).toBe(true);
  });

  it('refuses anyone else, a wrong or partial token, and everyone when neither is configured', () => {
    expect(mayReadMetrics({ clientAddress: '192.0.2.1', authorization: null }, access)).toBe(false);
    expect(mayReadMetrics({ clientAddress: '192.0.2.1', authorization: `Bearer ${'u'.repeat(32)}` }, access)).toBe(false);
    expect(mayReadMetrics({ clientAddress: '192.0.2.1', authorization: `Bearer ${token.slice(1)}` }, access)).toBe(false);
    expect(mayReadMetrics({ clientAddress: '192.0.2.1', authorization: token }, access)).toBe(false);
    expect(mayReadMetrics({ clientAddress: null, authorization: 'Bearer ' }, { allowedRanges: [] })).toBe(false);
    expect(mayReadMetrics({ clientAddress: '10.42.1.2', authorization: null }, { allowedRanges: [] })).toBe(false);
  });
});
