import 'server-only';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { AuditEvent } from '@/lib/domain/audit/audit-event';
import { auditOutcomes } from '@/lib/domain/audit/audit-event';
import { encodeCursor, type ParsedAuditFilter } from '@/lib/domain/audit/audit-filter';
import { auditEventRow, type AuditEventRow, type AuditTables } from './audit-tables';

export interface AuditPage {
  events: AuditEvent[];
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

const listedRow = auditEventRow.extend({
  done_at: z.string().nullable(),
  done_outcome: z.string().nullable(),
  done_code: z.string().nullable(),
  done_duration_ms: z.number().int().nullable(),
  done_details: z.string().nullable(),
});

/**
 * Events newest first (by chain position). Completion rows are not listed on their own: each is joined
 * onto its intent, whose outcome stays `unknown` until then.
 */
export async function listAuditEvents(db: Kysely<AuditTables>, filter: ParsedAuditFilter): Promise<AuditPage> {
  let query = db
    .selectFrom('audit_events as e')
    .leftJoin('audit_events as c', 'c.intent_id', 'e.id')
    .selectAll('e')
    .select([
      'c.occurred_at as done_at',
      'c.outcome as done_outcome',
      'c.code as done_code',
      'c.duration_ms as done_duration_ms',
      'c.details as done_details',
    ])
    .where('e.kind', '!=', 'completion');
  if (filter.actor !== undefined) query = query.where('e.actor', '=', filter.actor);
  if (filter.stackId !== undefined) query = query.where('e.stack_id', '=', filter.stackId);
  if (filter.stackName !== undefined) query = query.where('e.stack_name', '=', filter.stackName);
  if (filter.serviceId !== undefined) query = query.where('e.service_id', '=', filter.serviceId);
  if (filter.environment !== undefined) query = query.where('e.environment_id', '=', filter.environment);
  if (filter.action !== undefined) query = query.where('e.action', '=', filter.action);
  if (filter.from !== undefined) query = query.where('e.occurred_at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('e.occurred_at', '<', filter.to);
  if (filter.cursor !== undefined) query = query.where('e.seq', '<', filter.cursor);
  const rows = (await query.orderBy('e.seq', 'desc').limit(filter.limit + 1).execute()).map((r) => listedRow.parse(r));
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    events: page.map((row) =>
      toAuditEvent(
        row,
        row.done_at === null
          ? null
          : {
              occurred_at: row.done_at,
              outcome: row.done_outcome ?? 'unknown',
              code: row.done_code,
              duration_ms: row.done_duration_ms,
              details: row.done_details,
            },
      ),
    ),
    nextCursor: rows.length > filter.limit && last ? encodeCursor(last.seq) : null,
  };
}

type CompletionPart = Pick<AuditEventRow, 'occurred_at' | 'outcome' | 'code' | 'duration_ms' | 'details'>;

/** Folds an intent and its completion (if written) into one event; a one-shot event stands alone. */
export function toAuditEvent(row: AuditEventRow, completion: CompletionPart | null): AuditEvent {
  const details = { ...parseDetails(row.details), ...parseDetails(completion?.details ?? null) };
  return {
    id: row.id,
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
    environmentId: row.environment_id,
    environmentName: row.environment_name,
    tokenId: row.token_id,
    details: Object.keys(details).length > 0 ? details : null,
    outcome: outcome.parse(completion?.outcome ?? row.outcome),
    code: completion ? completion.code : row.code,
    durationMs: completion ? completion.duration_ms : row.duration_ms,
    completedAt: completion?.occurred_at ?? null,
  };
}

const detailsObject = z.record(z.string(), z.unknown());
// An outcome this version doesn't know (written by a newer replica) is shown as unknown, not an error.
const outcome = z.enum(auditOutcomes).catch('unknown');

function parseDetails(text: string | null): Record<string, unknown> {
  return text === null ? {} : detailsObject.parse(JSON.parse(text));
}
