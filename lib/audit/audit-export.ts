import 'server-only';
import type { AuditEvent } from '@/lib/domain/audit/audit-event';
import { auditFilter, type AuditFilter } from '@/lib/domain/audit/audit-filter';
import type { AuditStore } from './audit-store';

export type AuditExportFormat = 'csv' | 'jsonl';

const exportPageSize = 500;

/**
 * Every event matching `filter`, newest first, fetched a page at a time (`filter.limit` is ignored).
 * Cursors are chain positions, so events written while the export runs never shift its pages.
 */
export async function* iterateAuditEvents(store: Pick<AuditStore, 'list'>, filter: AuditFilter = {}): AsyncGenerator<AuditEvent> {
  let cursor = filter.cursor;
  do {
    const page = await store.list({ ...filter, cursor, limit: exportPageSize });
    yield* page.events;
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
}

const csvColumns = [
  'id', 'time', 'actor', 'clientAddress', 'userAgent', 'requestId', 'action', 'stackId', 'stackName', 'serviceId',
  'serviceName', 'containerId', 'containerName', 'outcome', 'code', 'durationMs', 'completedAt', 'details',
  'environmentId', 'environmentName', 'tokenId',
] as const satisfies readonly (keyof AuditEvent)[];

/** RFC 4180 CSV with a header line and CRLF line ends; `details` is a JSON cell. */
export async function* auditCsv(events: AsyncIterable<AuditEvent>): AsyncGenerator<string> {
  yield `${csvColumns.join(',')}\r\n`;
  for await (const event of events) {
    yield `${csvColumns.map((column) => csvCell(event[column])).join(',')}\r\n`;
  }
}

/** One JSON object per line (`application/x-ndjson`). */
export async function* auditJsonLines(events: AsyncIterable<AuditEvent>): AsyncGenerator<string> {
  for await (const event of events) yield `${JSON.stringify(event)}\n`;
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  // Actors and user agents come from outside: a cell starting like a formula would run in a spreadsheet.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * What an export endpoint returns: the body streams page by page as the client reads (a pull stream, so a
 * slow download never makes the server hold the whole log).
 *
 * @example
 * const out = auditExport(await getAuditStore(), filter, 'csv');
 * return new Response(out.body, { headers: { 'content-type': out.contentType, 'content-disposition': `attachment; filename="${out.filename}"` } });
 */
export function auditExport(store: Pick<AuditStore, 'list'>, filter: AuditFilter, format: AuditExportFormat) {
  // Checked here so a bad filter is a 400 before any byte of a 200 response is sent.
  auditFilter.parse(filter);
  const events = iterateAuditEvents(store, filter);
  const chunks = format === 'csv' ? auditCsv(events) : auditJsonLines(events);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return {
    body,
    contentType: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
    filename: `spin-portal-activity-${stamp}.${format}`,
  };
}
