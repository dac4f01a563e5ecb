import { createHash } from 'node:crypto';
import type { AuditEventRow } from './audit-tables';
import { canonicalJson } from './canonical-json';

/** The `prev_hash` of the first row. */
export const genesisHash = '0'.repeat(64);

/** Bumped if the hashed content ever changes, so old and new rows stay verifiable side by side. */
const hashVersion = 1;

/**
 * SHA-256 (hex) of a row's canonical content: every column but `hash`, including its chain position
 * (`seq`) and its predecessor's hash, so editing, reordering or deleting a row breaks the chain.
 */
export function hashAuditRow(row: Omit<AuditEventRow, 'hash'>): string {
  const content = {
    v: hashVersion,
    seq: row.seq,
    id: row.id,
    kind: row.kind,
    intentId: row.intent_id,
    time: row.occurred_at,
    actor: row.actor,
    clientAddress: row.client_address,
    userAgent: row.user_agent,
    requestId: row.request_id,
    action: row.action,
    stackId: row.stack_id,
    stackName: row.stack_name,
    serviceId: row.service_id,
    serviceName: row.service_name,
    containerId: row.container_id,
    containerName: row.container_name,
    details: row.details,
    outcome: row.outcome,
    code: row.code,
    durationMs: row.duration_ms,
    prevHash: row.prev_hash,
  };
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}
