import { describe, expect, it } from 'vitest';
import { MemoryAttemptCounterStore } from '@/lib/rate-limit/memory-attempt-counter-store';
import { LoginRateLimit } from './login-rate-limit';

const minute = 60_000;

function limiter() {
  const clock = { now: 1_000_000 };
  return { clock, limit: new LoginRateLimit(new MemoryAttemptCounterStore(), () => clock.now) };
}

async function failTimes(limit: LoginRateLimit, times: number, username: (i: number) => string, address = '192.0.2.1') {
  for (let i = 0; i < times; i++) {
    expect(await limit.check(username(i), address)).toEqual({ allowed: true });
    await limit.recordFailure(username(i), address);
  }
}

describe('LoginRateLimit', () => {
  it('refuses the sixth try at a username within 15 minutes, saying how long to wait', async () => {
    const { clock, limit } = limiter();
    await failTimes(limit, 5, () => 'fred');
    clock.now += 2 * minute;
    expect(await limit.check('fred', '192.0.2.1')).toEqual({ allowed: false, retryAfterSeconds: 13 * 60 });
    expect(await limit.check('fred', '198.51.100.7')).toMatchObject({ allowed: false });
  });

  it('lets the username try again once the oldest failure leaves the window', async () => {
    const { clock, limit } = limiter();
    await failTimes(limit, 5, () => 'fred');
    clock.now += 15 * minute - 1;
    expect(await limit.check('fred', '192.0.2.1')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    clock.now += 1;
    expect(await limit.check('fred', '192.0.2.1')).toEqual({ allowed: true });
  });

  it('does not count refused tries, so a lock ends on time however often someone knocks', async () => {
    const { clock, limit } = limiter();
    await failTimes(limit, 5, () => 'fred');
    for (let i = 0; i < 10; i++) {
      clock.now += minute;
      expect((await limit.check('fred', '192.0.2.1')).allowed).toBe(false);
    }
    clock.now += 5 * minute;
    expect(await limit.check('fred', '192.0.2.1')).toEqual({ allowed: true });
  });

  it('forgets the failures of a username after a success, but not those of the address', async () => {
    const { limit } = limiter();
    await failTimes(limit, 4, () => 'fred');
    await limit.recordSuccess('fred');
    await failTimes(limit, 4, () => 'fred');
    expect(await limit.check('fred', '192.0.2.1')).toEqual({ allowed: true });
    await limit.recordFailure('fred', '192.0.2.1');
    expect((await limit.check('fred', '192.0.2.1')).allowed).toBe(false);
  });

  it('treats usernames case-insensitively and without surrounding spaces', async () => {
    const { limit } = limiter();
    await failTimes(limit, 5, (i) => ['fred', 'Fred', ' FRED', 'fred ', 'fReD'][i] ?? 'fred');
    expect((await limit.check('fred', '192.0.2.9')).allowed).toBe(false);
  });

  it('refuses an address after 30 failures over many usernames, and only that address', async () => {
    const { clock, limit } = limiter();
    await failTimes(limit, 30, (i) => `user${i}`);
    clock.now += minute;
    expect(await limit.check('someone-new', '192.0.2.1')).toEqual({ allowed: false, retryAfterSeconds: 14 * 60 });
    expect(await limit.check('someone-new', '198.51.100.7')).toEqual({ allowed: true });
  });

  it('answers with the longer wait when both limits apply', async () => {
    const { clock, limit } = limiter();
    await failTimes(limit, 29, (i) => `user${i}`);
    clock.now += 5 * minute;
    await failTimes(limit, 1, () => 'fred');
    clock.now += minute;
    await failTimes(limit, 4, () => 'fred', '198.51.100.7');
    // fred: oldest failure 1 minute ago (14 min left); 192.0.2.1: oldest 6 minutes ago (9 min left).
    expect(await limit.check('fred', '192.0.2.1')).toEqual({ allowed: false, retryAfterSeconds: 14 * 60 });
  });
});
