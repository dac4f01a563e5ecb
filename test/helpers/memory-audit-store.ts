// An AuditStore in memory for unit tests of code that records actions: it validates and redacts what it
// is given exactly as the SQL store does, and keeps the folded events in `events` (oldest first) to assert
// on. No hash chain: `verify` only counts rows.
import { auditIntent, auditRecord, type AuditEvent, type AuditIntent, type AuditRecord, type ParsedAuditEnding, type ParsedAuditIntent } from '@/lib/domain/audit/audit-event';
import { auditFilter, encodeCursor, type AuditFilter } from '@/lib/domain/audit/audit-filter';
import { auditHandle, type AuditHandle, type AuditStore } from '@/lib/audit/audit-store';
import type { AuditChainVerdict } from '@/lib/audit/verify-audit-chain';
import type { AuditPage } from '@/lib/audit/list-audit-events';
import { redactDetails } from '@/lib/domain/audit/redact-secrets';
import { MemoryAttemptCounterStore } from '@/lib/rate-limit/memory-attempt-counter-store';
import { MemorySessionStore } from './memory-session-store';
import { MemoryTokenStore } from './memory-token-store';

export class MemoryAuditStore implements AuditStore {
  /** Nothing branches on it outside SQL; SQLite is the default store. */
  readonly dialect = 'sqlite' as const;
  readonly attemptCounters = new MemoryAttemptCounterStore();
  readonly sessions = new MemorySessionStore();
  readonly tokens = new MemoryTokenStore();
  /** Every event with its completion folded in, oldest first. */
  readonly events: AuditEvent[] = [];
  private rows = 0;
  private readonly seqOf = new Map<string, number>();

  async begin(input: AuditIntent): Promise<AuditHandle> {
    const intent = auditIntent.parse(input);
    const event = this.append(intent, { outcome: 'unknown', code: null, durationMs: null, details: intent.details });
    const started = Date.now();
    let isCompleted = false;
    return auditHandle(event.id, event.time, async (result) => {
      if (isCompleted) throw new Error(`audit intent ${event.id} is already completed`);
      isCompleted = true;
      this.rows++;
      const details = { ...event.details, ...redacted(result.details) };
      Object.assign(event, {
        outcome: result.outcome,
        code: result.code,
        durationMs: result.durationMs ?? Date.now() - started,
        details: Object.keys(details).length > 0 ? details : null,
        completedAt: new Date().toISOString(),
      });
      return { ...event };
    });
  }

  async record(input: AuditRecord): Promise<AuditEvent> {
    const event = auditRecord.parse(input);
    return { ...this.append(event, event) };
  }

  async recordBatch(inputs: AuditRecord[]): Promise<void> {
    for (const input of inputs) await this.record(input);
  }

  async list(input: AuditFilter = {}): Promise<AuditPage> {
    const filter = auditFilter.parse(input);
    const matching = this.events
      .filter(
        (e) =>
          (filter.actor === undefined || e.actor === filter.actor) &&
          (filter.stackId === undefined || e.stackId === filter.stackId) &&
          (filter.stackName === undefined || e.stackName === filter.stackName) &&
          (filter.serviceId === undefined || e.serviceId === filter.serviceId) &&
          (filter.environment === undefined || e.environmentId === filter.environment) &&
          (filter.action === undefined || e.action === filter.action) &&
          (filter.from === undefined || e.time >= filter.from) &&
          (filter.to === undefined || e.time < filter.to) &&
          (filter.cursor === undefined || this.seq(e) < filter.cursor),
      )
      .reverse();
    const page = matching.slice(0, filter.limit).map((e) => ({ ...e }));
    const last = page.at(-1);
    return { events: page, nextCursor: matching.length > filter.limit && last ? encodeCursor(this.seq(last)) : null };
  }

  async verify(): Promise<AuditChainVerdict> {
    return { ok: true, rows: this.rows, headHash: 'memory' };
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}

  private append(intent: ParsedAuditIntent, result: ParsedAuditEnding): AuditEvent {
    const seq = ++this.rows;
    const event: AuditEvent = {
      id: `memory-${seq}`,
      time: new Date().toISOString(),
      actor: intent.actor,
      clientAddress: intent.clientAddress,
      userAgent: intent.userAgent,
      requestId: intent.requestId,
      action: intent.action,
      stackId: intent.stackId,
      stackName: intent.stackName,
      serviceId: intent.serviceId,
      serviceName: intent.serviceName,
      containerId: intent.containerId,
      containerName: intent.containerName,
      environmentId: intent.environmentId,
      environmentName: intent.environmentName,
      tokenId: intent.tokenId,
      details: result.details === null ? null : redacted(result.details),
      outcome: result.outcome,
      code: result.code,
      durationMs: result.durationMs,
      completedAt: null,
    };
    this.seqOf.set(event.id, seq);
    this.events.push(event);
    return event;
  }

  private seq(event: AuditEvent): number {
    return this.seqOf.get(event.id) ?? 0;
  }
}

function redacted(details: Record<string, unknown> | null): Record<string, unknown> {
  return details === null ? {} : redactDetails(details);
}
