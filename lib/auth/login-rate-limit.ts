import 'server-only';
import type { AttemptCounterStore, AttemptWindow } from '@/lib/rate-limit/attempt-counter-store';

export type LoginRateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Limit {
  max: number;
  windowMs: number;
}

const fifteenMinutes = 15 * 60 * 1000;

/** Failed logins allowed before the next try is refused: per username, and per client address. */
export const loginLimits = {
  perUsername: { max: 5, windowMs: fifteenMinutes },
  perAddress: { max: 30, windowMs: fifteenMinutes },
} as const satisfies Record<string, Limit>;

/**
 * Throttles password guessing: against one account (5 failures per username in 15 minutes) and from one
 * client (30 per address, however many usernames it tries). Only failures count, so someone who keeps
 * typing their password right is never held up; a success forgets that username's failures.
 *
 * Call `check` before trying the password, then `recordFailure` or `recordSuccess`. A refused try is not
 * recorded, so a lock ends on time however often the attacker knocks. A directory outage is neither.
 */
export class LoginRateLimit {
  constructor(
    private readonly store: AttemptCounterStore,
    private readonly now: () => number = Date.now,
  ) {}

  async check(username: string, address: string): Promise<LoginRateDecision> {
    const now = this.now();
    const [byUser, byAddress] = await Promise.all([
      this.store.peek(usernameKey(username), loginLimits.perUsername.windowMs, now),
      this.store.peek(addressKey(address), loginLimits.perAddress.windowMs, now),
    ]);
    const waits = [wait(byUser, loginLimits.perUsername, now), wait(byAddress, loginLimits.perAddress, now)];
    const longest = Math.max(...waits);
    return longest > 0 ? { allowed: false, retryAfterSeconds: longest } : { allowed: true };
  }

  async recordFailure(username: string, address: string): Promise<void> {
    const now = this.now();
    await Promise.all([
      this.store.hit(usernameKey(username), loginLimits.perUsername.windowMs, now),
      this.store.hit(addressKey(address), loginLimits.perAddress.windowMs, now),
    ]);
  }

  async recordSuccess(username: string): Promise<void> {
    await this.store.reset(usernameKey(username));
  }
}

// Same normalisation as the username check, so "Fred" and "fred" share one counter. Names longer than
// any valid one can never log in; cutting them keeps a store's keys short.
function usernameKey(username: string): string {
  return `login:user:${username.trim().toLowerCase().slice(0, 64)}`;
}

function addressKey(address: string): string {
  return `login:address:${address}`;
}

/** Seconds until the window holds fewer than `max` failures again; 0 when a try is allowed now. */
function wait(window: AttemptWindow, limit: Limit, now: number): number {
  if (window.count < limit.max || window.oldestAt === null) return 0;
  return Math.max(1, Math.ceil((window.oldestAt + limit.windowMs - now) / 1000));
}
