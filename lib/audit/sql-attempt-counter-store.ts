import 'server-only';
import type { Kysely } from 'kysely';
import type { AuditTables } from '@/lib/audit/audit-tables';
import type { AttemptCounterStore, AttemptWindow } from '@/lib/rate-limit/attempt-counter-store';

/**
 * Failed-attempt counters in the audit database (SQLite or PostgreSQL), so every portal replica behind
 * the load balancer sees the same counts. Each failure row expires one window after it happened; expired
 * rows of every key are swept on each hit, so keys that are never seen again don't pile up. A key should
 * keep one window length: a later, longer window cannot see failures already swept.
 */
export class SqlAttemptCounterStore implements AttemptCounterStore {
  constructor(private readonly db: Kysely<AuditTables>) {}

  async hit(key: string, windowMs: number, now: number): Promise<AttemptWindow> {
    await this.db.deleteFrom('rate_limit_failures').where('expires_at', '<=', now).execute();
    await this.db.insertInto('rate_limit_failures').values({ key, at: now, expires_at: now + windowMs }).execute();
    return this.peek(key, windowMs, now);
  }

  async peek(key: string, windowMs: number, now: number): Promise<AttemptWindow> {
    const row = await this.db
      .selectFrom('rate_limit_failures')
      .select((eb) => [eb.fn.countAll<number | string>().as('count'), eb.fn.min('at').as('oldest')])
      .where('key', '=', key)
      .where('at', '>', now - windowMs)
      .executeTakeFirst();
    const count = Number(row?.count ?? 0);
    return { count, oldestAt: count > 0 && row?.oldest != null ? Number(row.oldest) : null };
  }

  async reset(key: string): Promise<void> {
    await this.db.deleteFrom('rate_limit_failures').where('key', '=', key).execute();
  }
}
