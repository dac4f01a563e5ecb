import type { AnyRecord } from '../world/world-types';
import { type Conditions, matches, parseConditions } from './filters';
import { render } from './render';
import { projectUrl, type RequestContext } from './request-context';
import type { TypeDef } from './type-registry';

// Collections (rancher-api.md §2.4): filters, `sort`/`order`, and pagination with an opaque
// `marker`. `limit` ≤ 0 means "as many as allowed" (the CLI sends -2, the UI -1).

const defaultLimit = 100;
const maxLimit = 3000;

function numericId(id: string): number {
  return Number(id.replace(/^\D+/, '')) || 0;
}

function sortValue(record: AnyRecord, field: string): unknown {
  return field === 'id' ? numericId(record.id) : (record as unknown as Record<string, unknown>)[field];
}

function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

function effectiveLimit(raw: string | null, pageSize: number | null): number {
  const asked = raw === null || raw.trim() === '' || !Number.isFinite(Number(raw)) ? defaultLimit : Math.trunc(Number(raw));
  const limit = asked <= 0 ? maxLimit : Math.min(asked, maxLimit);
  return pageSize === null ? limit : Math.min(limit, pageSize);
}

function offsetOf(marker: string | null): number {
  const m = marker ? /^m(\d+)$/.exec(marker) : null;
  return m?.[1] ? Number(m[1]) : 0;
}

function withParams(url: URL, changes: Record<string, string | null>): string {
  const next = new URL(url);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null) next.searchParams.delete(k);
    else next.searchParams.set(k, v);
  }
  return next.toString();
}

/** Picks the page out of `source`; without a sort it stops reading once the page is full. */
function select(source: Iterable<AnyRecord>, conditions: Conditions, sort: string | null, desc: boolean, offset: number, limit: number): { page: AnyRecord[]; more: boolean } {
  if (sort === null && !desc) {
    const page: AnyRecord[] = [];
    let skipped = 0;
    for (const record of source) {
      if (!matches(record as unknown as Record<string, unknown>, conditions)) continue;
      if (skipped < offset) {
        skipped += 1;
        continue;
      }
      if (page.length === limit) return { page, more: true };
      page.push(record);
    }
    return { page, more: false };
  }
  const field = sort ?? 'id';
  const all = [...source].filter((r) => matches(r as unknown as Record<string, unknown>, conditions));
  all.sort((a, b) => compareValues(sortValue(a, field), sortValue(b, field)) || numericId(a.id) - numericId(b.id));
  if (desc) all.reverse();
  return { page: all.slice(offset, offset + limit), more: all.length > offset + limit };
}

/**
 * A collection answer whose rows are rendered only when written: the HTTP layer streams big pages
 * row by row (a 3,000-row page would otherwise sit in memory three times over).
 */
export class CollectionBody {
  constructor(
    readonly envelope: Record<string, unknown>,
    readonly records: AnyRecord[],
    readonly ctx: RequestContext,
  ) {}

  rowJson(record: AnyRecord): string {
    return this.ctx.renders?.json(this.ctx, record) ?? JSON.stringify(render(this.ctx, record));
  }

  /** The envelope's JSON up to the rows (`…,"data":[`); the rows and `]}` follow. */
  head(): string {
    return JSON.stringify({ ...this.envelope, data: [] }).slice(0, -2);
  }

  json(): string {
    return `${this.head()}${this.records.map((r) => this.rowJson(r)).join(',')}]}`;
  }
}

export function listCollection(ctx: RequestContext, type: TypeDef, source: Iterable<AnyRecord>, pageSize: number | null): CollectionBody {
  const params = ctx.url.searchParams;
  const conditions = parseConditions(params, type.filters);
  const sortParam = params.get('sort');
  const sort = sortParam && type.filters.includes(sortParam) ? sortParam : null;
  const desc = params.get('order')?.toLowerCase() === 'desc';
  const limit = effectiveLimit(params.get('limit'), pageSize);
  const offset = offsetOf(params.get('marker'));
  const { page, more } = select(source, conditions, sort, desc, offset, limit);
  const self = ctx.url.toString();
  const collectionUrl = `${ctx.url.origin}${ctx.url.pathname}`;
  const createBase = ctx.projectId ? projectUrl(ctx, ctx.projectId) : `${ctx.base}/v2-beta`;
  const envelope = {
    type: 'collection',
    resourceType: type.id,
    links: { self },
    createTypes: Object.fromEntries(type.createTypes.map((t) => [t, `${createBase}/${t.toLowerCase()}s`])),
    actions: {},
    pagination: {
      first: offset > 0 ? withParams(ctx.url, { marker: null }) : null,
      previous: null,
      next: more ? withParams(ctx.url, { marker: `m${offset + limit}` }) : null,
      limit,
      total: null,
      partial: more,
    },
    sort: sort ? { name: sort, order: desc ? 'desc' : 'asc', reverse: withParams(ctx.url, { order: desc ? 'asc' : 'desc' }) } : null,
    sortLinks: Object.fromEntries(type.filters.map((f) => [f, `${collectionUrl}?sort=${f}`])),
    filters: Object.fromEntries(type.filters.map((f) => [f, conditions.get(f) ?? null])),
  };
  return new CollectionBody(envelope, page, ctx);
}
