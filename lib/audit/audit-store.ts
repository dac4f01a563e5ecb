import 'server-only';
import type { AttemptCounterStore } from '@/lib/rate-limit/attempt-counter-store';
import type { SessionStore } from '@/lib/audit/session-store';
import type { TokenStore } from './token-store';
import { auditCompletion, auditUnresolved, type AuditCompletion, type AuditEvent, type AuditIntent, type AuditRecord, type AuditUnresolved, type ParsedAuditEnding } from '@/lib/domain/audit/audit-event';
import type { AuditFilter } from '@/lib/domain/audit/audit-filter';
import type { AuditDialect } from './audit-tables';
import type { AuditChainVerdict } from './verify-audit-chain';
import type { AuditPage } from './list-audit-events';

/** An intent written before a Rancher call; `complete` records how the call ended. */
export interface AuditHandle {
  readonly id: string;
  /** When the intent was written (ISO 8601 UTC). */
  readonly time: string;
  /**
   * Appends the completion (its own chained row pointing at the intent). `durationMs` defaults to the time
   * since `begin`. Throws if the intent is already completed.
   */
  complete(result: AuditCompletion): Promise<AuditEvent>;
  /**
   * Appends a completion with outcome `unknown`: Rancher gave no answer to the change, which it may have
   * made. Unlike an intent left open, it says why (`code`) and how long the portal waited.
   */
  unresolved(result: AuditUnresolved): Promise<AuditEvent>;
}

/** An intent's handle: it validates what the caller passes; `end`, the store's part, writes it at most once. */
export function auditHandle(id: string, time: string, end: (ending: ParsedAuditEnding) => Promise<AuditEvent>): AuditHandle {
  return {
    id,
    time,
    complete: async (result) => end(auditCompletion.parse(result)),
    unresolved: async (result) => end({ ...auditUnresolved.parse(result), outcome: 'unknown' }),
  };
}

/**
 * The append-only, hash-chained activity record. All SQL lives behind this interface.
 *
 * @example
 * const intent = await audit.begin({ actor: user.uid, requestId, action: 'service.restart', stackId, serviceId });
 * try {
 *   const service = await rancher.restartService(serviceId);
 *   await intent.complete({ outcome: 'ok' });
 * } catch (error) {
 *   await intent.complete({ outcome: 'failed', code: rancherCodeOf(error) });
 *   throw error;
 * }
 */
export interface AuditStore {
  readonly dialect: AuditDialect;
  /** Writes the intent (outcome `unknown`) and resolves once it is committed: call it BEFORE Rancher. */
  begin(intent: AuditIntent): Promise<AuditHandle>;
  /** A one-shot event: a login, a denied attempt, a log or shell session opening or closing. */
  record(event: AuditRecord): Promise<AuditEvent>;
  /** Several one-shot events in one transaction (imports, benchmarks). */
  recordBatch(events: AuditRecord[]): Promise<void>;
  /** Newest first; a bad cursor or time is a ZodError. */
  list(filter?: AuditFilter): Promise<AuditPage>;
  /** Checks the whole hash chain and names the first broken row. */
  verify(): Promise<AuditChainVerdict>;
  /** Resolves when the database answers (readiness probe). */
  ping(): Promise<void>;
  /** The login rate-limit counters, kept in the same database so replicas share them. */
  readonly attemptCounters: AttemptCounterStore;
  /** Browser sessions, in the same database so that a sign-out on one replica holds on all. */
  readonly sessions: SessionStore;
  /** Personal API tokens, hashed, in the same database so that a revocation holds on every replica. */
  readonly tokens: TokenStore;
  close(): Promise<void>;
}
