import 'server-only';
import { sql } from 'kysely';
import { SqlAttemptCounterStore } from '@/lib/audit/sql-attempt-counter-store';
import { SqlSessionStore } from '@/lib/audit/sql-session-store';
import { SqlTokenStore } from './sql-token-store';
import { appendToChain, type AuditRowContent } from './append-to-chain';
import { auditIntent, auditRecord, type AuditEvent, type AuditIntent, type AuditRecord, type ParsedAuditIntent, type ParsedAuditRecord } from '@/lib/domain/audit/audit-event';
import { auditFilter, type AuditFilter } from '@/lib/domain/audit/audit-filter';
import { auditHandle, type AuditHandle, type AuditStore } from './audit-store';
import type { AuditEventRow } from './audit-tables';
import { canonicalJson } from './canonical-json';
import { listAuditEvents, toAuditEvent, type AuditPage } from './list-audit-events';
import type { AuditDatabase } from './open-audit-database';
import { redactDetails } from '@/lib/domain/audit/redact-secrets';
import { timeOrderedId } from './time-ordered-id';
import { verifyAuditChain, type AuditChainVerdict } from './verify-audit-chain';

/**
 * The AuditStore over kysely (SQLite or PostgreSQL). Completing an intent appends a `completion` row that
 * names the intent, instead of updating it, so the chain never needs rehashing and the moment an action
 * was attempted stays provable even if its completion never comes.
 */
export class SqlAuditStore implements AuditStore {
  readonly dialect: AuditDatabase['dialect'];
  readonly attemptCounters: SqlAttemptCounterStore;
  readonly sessions: SqlSessionStore;
  readonly tokens: SqlTokenStore;

  constructor(private readonly database: AuditDatabase) {
    this.dialect = database.dialect;
    this.attemptCounters = new SqlAttemptCounterStore(database.db);
    this.sessions = new SqlSessionStore(database.db);
    this.tokens = new SqlTokenStore(database.db);
  }

  async begin(input: AuditIntent): Promise<AuditHandle> {
    const intent = auditIntent.parse(input);
    const [row] = await appendToChain(this.database.db, [
      rowContent(intent, { kind: 'intent', outcome: 'unknown', code: null, durationMs: null, details: intent.details }),
    ]);
    if (!row) throw new Error('audit store: the intent was not written');
    const started = performance.now();
    let isCompleting = false;
    return auditHandle(row.id, row.occurred_at, async (result) => {
      if (isCompleting) throw new Error(`audit intent ${row.id} is already completed`);
      const durationMs = result.durationMs ?? Math.round(performance.now() - started);
      isCompleting = true;
      try {
        const [done] = await appendToChain(this.database.db, [
          { ...rowContent(intent, { kind: 'completion', ...result, durationMs }), intent_id: row.id },
        ]);
        return toAuditEvent(row, done ?? null);
      } catch (error) {
        // Not written (the database was unreachable): the caller may try again.
        isCompleting = false;
        throw error;
      }
    });
  }

  async record(input: AuditRecord): Promise<AuditEvent> {
    const [row] = await appendToChain(this.database.db, [eventContent(auditRecord.parse(input))]);
    if (!row) throw new Error('audit store: the event was not written');
    return toAuditEvent(row, null);
  }

  async recordBatch(inputs: AuditRecord[]): Promise<void> {
    await appendToChain(
      this.database.db,
      inputs.map((input) => eventContent(auditRecord.parse(input))),
    );
  }

  async list(filter: AuditFilter = {}): Promise<AuditPage> {
    return listAuditEvents(this.database.db, auditFilter.parse(filter));
  }

  async verify(): Promise<AuditChainVerdict> {
    return verifyAuditChain(this.database.db);
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.database.db);
  }

  close(): Promise<void> {
    return this.database.close();
  }
}

function eventContent(event: ParsedAuditRecord): AuditRowContent {
  return rowContent(event, { kind: 'event', ...event });
}

interface RowResult {
  kind: AuditEventRow['kind'];
  outcome: string;
  code: string | null;
  durationMs: number | null;
  details: Record<string, unknown> | null;
}

function rowContent(intent: ParsedAuditIntent, result: RowResult): AuditRowContent {
  return {
    id: timeOrderedId(),
    kind: result.kind,
    intent_id: null,
    actor: intent.actor,
    client_address: intent.clientAddress,
    user_agent: intent.userAgent,
    request_id: intent.requestId,
    action: intent.action,
    stack_id: intent.stackId,
    stack_name: intent.stackName,
    service_id: intent.serviceId,
    service_name: intent.serviceName,
    container_id: intent.containerId,
    container_name: intent.containerName,
    environment_id: intent.environmentId,
    environment_name: intent.environmentName,
    token_id: intent.tokenId,
    details: result.details === null ? null : canonicalJson(redactDetails(result.details)),
    outcome: result.outcome,
    code: result.code,
    duration_ms: result.durationMs,
  };
}
