import 'server-only';
import { getAuditStore } from '@/lib/audit/get-audit-store';
import { LoginRateLimit } from './login-rate-limit';

const key = Symbol.for('spin-portal.login-rate-limit');
type Holder = { [key]?: Promise<LoginRateLimit> };

/**
 * The login throttle, counting in the audit database so that every portal replica sees the same
 * failures (DESIGN.md "Scaling out").
 */
export function loginRateLimiter(): Promise<LoginRateLimit> {
  const holder = globalThis as Holder;
  holder[key] ??= getAuditStore().then((store) => new LoginRateLimit(store.attemptCounters));
  holder[key].catch(() => {
    holder[key] = undefined;
  });
  return holder[key];
}
