import 'server-only';
import type { Kysely, Selectable } from 'kysely';
import type { AuditTables, SessionRow } from '@/lib/audit/audit-tables';
import { sessionEndReasons, type NewSession, type SessionEndReason, type SessionRecord } from '@/lib/domain/sessions/session-record';
import type { SessionStore } from './session-store';

/** Ended sessions, and open ones older than the longest allowed session, are swept after this long. */
const keepMs = 31 * 24 * 3_600_000;

function endReasonOf(value: string | null): SessionEndReason | null {
  return sessionEndReasons.find((r) => r === value) ?? null;
}

function toRecord(row: Selectable<SessionRow>): SessionRecord {
  return {
    id: row.id,
    uid: row.uid,
    clientAddress: row.client_address,
    userAgent: row.user_agent,
    startedAt: Number(row.started_at),
    lastActiveAt: Number(row.last_active_at),
    endedAt: row.ended_at === null ? null : Number(row.ended_at),
    endReason: endReasonOf(row.end_reason),
  };
}

/**
 * Sessions in the audit database (SQLite or PostgreSQL). Ending is one conditional update, so when two
 * replicas end the same session at once exactly one of them is told it did (and records it).
 */
export class SqlSessionStore implements SessionStore {
  constructor(private readonly db: Kysely<AuditTables>) {}

  async create({ id, uid, clientAddress, userAgent, now }: NewSession): Promise<SessionRecord> {
    await this.db
      .deleteFrom('sessions')
      .where((eb) => eb.or([eb('ended_at', '<', now - keepMs), eb('started_at', '<', now - keepMs)]))
      .execute();
    const row = { id, uid, client_address: clientAddress, user_agent: userAgent, started_at: now, last_active_at: now, ended_at: null, end_reason: null };
    await this.db.insertInto('sessions').values(row).execute();
    return toRecord(row);
  }

  async get(id: string): Promise<SessionRecord | null> {
    const row = await this.db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  async touch(id: string, now: number): Promise<void> {
    await this.db.updateTable('sessions').set({ last_active_at: now }).where('id', '=', id).where('ended_at', 'is', null).execute();
  }

  async end(id: string, reason: SessionEndReason, at: number): Promise<boolean> {
    return (await this.endWhere('id', id, reason, at)) > 0;
  }

  endAllOf(uid: string, reason: SessionEndReason, at: number): Promise<number> {
    return this.endWhere('uid', uid, reason, at);
  }

  async listOpen(uid: string): Promise<SessionRecord[]> {
    const rows = await this.db
      .selectFrom('sessions')
      .selectAll()
      .where('uid', '=', uid)
      .where('ended_at', 'is', null)
      .orderBy('last_active_at', 'desc')
      .orderBy('id')
      .execute();
    return rows.map(toRecord);
  }

  /** Ends the open sessions whose `column` is `value`; resolves to how many. */
  private async endWhere(column: 'id' | 'uid', value: string, reason: SessionEndReason, at: number): Promise<number> {
    const result = await this.db
      .updateTable('sessions')
      .set({ ended_at: at, end_reason: reason })
      .where(column, '=', value)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }
}
