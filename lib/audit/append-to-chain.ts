import 'server-only';
import type { Kysely } from 'kysely';
import { timeAuditWrite } from '@/lib/metrics/portal-metrics';
import { hashAuditRow } from './audit-row-hash';
import type { AuditEventRow, AuditTables } from './audit-tables';

/** A row before the chain places it: the chain adds its position, time and hashes. */
export type AuditRowContent = Omit<AuditEventRow, 'seq' | 'occurred_at' | 'prev_hash' | 'hash'>;

// 25 columns: 1,000 rows stay under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters.
const rowsPerInsert = 1000;

/**
 * Appends rows to the hash chain in one transaction and returns them as stored.
 *
 * Appenders serialize on the single `audit_chain_head` row: the transaction starts by bumping its `seq`,
 * which takes PostgreSQL's row lock (other replicas wait there) and SQLite's write lock, and returns the
 * previous row's hash. The event time is taken after that lock, so times never run backwards along the
 * chain within one clock. The head's hash is set to the last new row's before commit.
 */
export async function appendToChain(db: Kysely<AuditTables>, contents: AuditRowContent[]): Promise<AuditEventRow[]> {
  if (contents.length === 0) return [];
  return timeAuditWrite(() => db.transaction().execute(async (trx) => {
    const head = await trx
      .updateTable('audit_chain_head')
      .set((eb) => ({ seq: eb('seq', '+', contents.length) }))
      .where('id', '=', 1)
      .returning(['seq', 'hash'])
      .executeTakeFirstOrThrow();
    let seq = head.seq - contents.length;
    let prevHash = head.hash;
    const rows = contents.map((content) => {
      seq += 1;
      const unhashed = { ...content, seq, occurred_at: new Date().toISOString(), prev_hash: prevHash };
      const row: AuditEventRow = { ...unhashed, hash: hashAuditRow(unhashed) };
      prevHash = row.hash;
      return row;
    });
    for (let i = 0; i < rows.length; i += rowsPerInsert) {
      await trx.insertInto('audit_events').values(rows.slice(i, i + rowsPerInsert)).execute();
    }
    await trx.updateTable('audit_chain_head').set({ hash: prevHash }).where('id', '=', 1).execute();
    return rows;
  }));
}
