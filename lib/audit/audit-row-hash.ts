import 'server-only';
import { createHash } from 'node:crypto';
import type { AuditEventRow } from './audit-tables';

/** The `prev_hash` of the first row. */
export const genesisHash = '0'.repeat(64);

/** Bumped if the hashed content ever changes, so old and new rows stay verifiable side by side. */
const hashVersion = 1;

const laterColumns = ['environment_id', 'environment_name', 'token_id'] as const;

/**
 * SHA-256 (hex) of a row's canonical content: every column but `hash`, including its chain position
 * (`seq`) and its predecessor's hash, so editing, reordering or deleting a row breaks the chain. The
 * canonical form is a JSON array of the columns in this fixed order (all scalars: `details` is already
 * canonical JSON text), which is unambiguous and several times cheaper than sorting object keys.
 */
export function hashAuditRow(row: Omit<AuditEventRow, 'hash'>): string {
  const content = [
    hashVersion,
    row.seq,
    row.id,
    row.kind,
    row.intent_id,
    row.occurred_at,
    row.actor,
    row.client_address,
    row.user_agent,
    row.request_id,
    row.action,
    row.stack_id,
    row.stack_name,
    row.service_id,
    row.service_name,
    row.container_id,
    row.container_name,
    row.details,
    row.outcome,
    row.code,
    row.duration_ms,
    row.prev_hash,
    // Columns added later join the content only when set, each named, so every row written before they
    // existed hashes exactly as it did.
    ...laterColumns.filter((column) => (row[column] ?? null) !== null).map((column) => [column, row[column]]),
  ];
  return createHash('sha256').update(JSON.stringify(content), 'utf8').digest('hex');
}
