import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './token-rate-limit';

describe('TokenBuckets', () => {
  it('allows a burst of perMinute, then one request per refill, saying how long to wait', () => {
    const buckets = new TokenBuckets(6);
    for (let i = 0; i < 6; i++) expect(buckets.take('a', 0)).toEqual({ allowed: true });
    expect(buckets.take('a', 0)).toEqual({ allowed: false, retryAfterSeconds: 10 });
    expect(buckets.take('a', 9_000)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(buckets.take('a', 10_000)).toEqual({ allowed: true });
    expect(buckets.take('a', 10_000).allowed).toBe(false);
  });

  it('keeps one bucket per key', () => {
    const buckets = new TokenBuckets(1);
    expect(buckets.take('a', 0).allowed).toBe(true);
    expect(buckets.take('a', 0).allowed).toBe(false);
    expect(buckets.take('b', 0).allowed).toBe(true);
  });

  it('refills no further than a full bucket', () => {
    const buckets = new TokenBuckets(2);
    buckets.take('a', 0);
    for (let i = 0; i < 2; i++) expect(buckets.take('a', 3_600_000).allowed).toBe(true);
    expect(buckets.take('a', 3_600_000).allowed).toBe(false);
  });
});
