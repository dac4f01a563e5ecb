import 'server-only';
import { MemoryAttemptCounterStore } from '@/lib/rate-limit/memory-attempt-counter-store';
import { LoginRateLimit } from './login-rate-limit';

const key = Symbol.for('spin-portal.login-rate-limit');
type Holder = { [key]?: LoginRateLimit };

/** The process's login throttle (one per process, so every login request counts against the same limits). */
export function loginRateLimiter(): LoginRateLimit {
  const holder = globalThis as Holder;
  holder[key] ??= new LoginRateLimit(new MemoryAttemptCounterStore());
  return holder[key];
}
