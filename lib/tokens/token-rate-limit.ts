import 'server-only';

interface Bucket {
  tokens: number;
  at: number;
}

export type TakeResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Buckets kept at most; beyond it, full ones (idle long enough to refill) are dropped. */
const maxBuckets = 10_000;

/**
 * One token bucket per key: `perMinute` requests a minute on average, bursts of up to `perMinute`.
 * In memory: each replica counts its own share, which bounds a token at `perMinute` × replicas.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly perMinute: number) {}

  take(key: string, now: number): TakeResult {
    const perMs = this.perMinute / 60_000;
    const previous = this.buckets.get(key);
    const tokens = previous ? Math.min(this.perMinute, previous.tokens + (now - previous.at) * perMs) : this.perMinute;
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) };
    }
    if (!previous && this.buckets.size >= maxBuckets) this.dropFull(now);
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    return { allowed: true };
  }

  private dropFull(now: number): void {
    const perMs = this.perMinute / 60_000;
    for (const [key, bucket] of this.buckets) if (bucket.tokens + (now - bucket.at) * perMs >= this.perMinute) this.buckets.delete(key);
  }
}
