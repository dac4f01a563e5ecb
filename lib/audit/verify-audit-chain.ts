import 'server-only';
import type { Kysely } from 'kysely';
import { genesisHash, hashAuditRow } from './audit-row-hash';
import { auditEventRow, type AuditTables } from './audit-tables';

export type AuditChainVerdict =
  | { ok: true; rows: number; headHash: string }
  /**
   * `firstBrokenSeq` is the chain position where the chain first breaks; `firstBrokenId` the id of the row
   * found there, or null when rows were cut off the end of the log and none is left at that position.
   */
  | { ok: false; firstBrokenSeq: number; firstBrokenId: string | null; reason: string };

const batchSize = 5000;

/**
 * Walks the whole chain in order and recomputes every hash. A row edited in place fails its own hash; a
 * deleted row leaves a gap in `seq` and a `prev_hash` pointing at nothing; a row edited with its hash
 * recomputed breaks its successor's `prev_hash`; rows cut off the end no longer reach the chain head.
 * `headHash` can be copied somewhere safe: a later verify whose chain still passes through it proves
 * nothing before it was rewritten wholesale.
 */
export async function verifyAuditChain(db: Kysely<AuditTables>): Promise<AuditChainVerdict> {
  let expectedSeq = 1;
  let prev = { hash: genesisHash, label: 'the start of the log' };
  for (;;) {
    const batch = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(batchSize)
      .execute();
    for (const raw of batch) {
      const parsed = auditEventRow.safeParse(raw);
      const seq = typeof raw.seq === 'number' ? raw.seq : expectedSeq;
      const id = typeof raw.id === 'string' ? raw.id : null;
      if (!parsed.success) return broken(seq, id, `the row is malformed (${parsed.error.issues[0]?.message ?? 'bad column'})`);
      const row = parsed.data;
      if (row.seq !== expectedSeq) {
        const missing = row.seq - expectedSeq === 1 ? `row ${expectedSeq} is` : `rows ${expectedSeq}-${row.seq - 1} are`;
        return broken(row.seq, row.id, `${missing} missing: deleted after ${prev.label}`);
      }
      if (row.prev_hash !== prev.hash) {
        return broken(row.seq, row.id, `its prev_hash does not match the hash of ${prev.label}: that row was changed or replaced`);
      }
      const { hash, ...content } = row;
      if (hashAuditRow(content) !== hash) return broken(row.seq, row.id, 'its content does not match its hash: the row was edited');
      prev = { hash, label: `row ${row.seq} (${row.id})` };
      expectedSeq += 1;
    }
    if (batch.length < batchSize) break;
  }
  const head = await db.selectFrom('audit_chain_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  const lastSeq = expectedSeq - 1;
  if (!head) return broken(lastSeq + 1, null, 'the chain head record is missing');
  if (head.seq > lastSeq) {
    return broken(lastSeq + 1, null, `the log ends at row ${lastSeq} but the chain head records ${head.seq} rows: the newest rows were deleted`);
  }
  if (head.seq < lastSeq) {
    const first = await db.selectFrom('audit_events').select('id').where('seq', '=', head.seq + 1).executeTakeFirst();
    return broken(head.seq + 1, first?.id ?? null, `the chain head records ${head.seq} rows: rows after it were added outside the store`);
  }
  if (head.hash !== prev.hash) {
    return broken(lastSeq, null, `the chain head's hash does not match the newest row ${lastSeq}: the head record was changed`);
  }
  return { ok: true, rows: lastSeq, headHash: prev.hash };
}

function broken(firstBrokenSeq: number, firstBrokenId: string | null, reason: string): AuditChainVerdict {
  return { ok: false, firstBrokenSeq, firstBrokenId, reason };
}
