import 'server-only';
import type { Resource } from './rancher-wire';

// Cattle's collection filters (`field=value`, `field_ne=value`, `field_null`, `field_notnull`; conditions
// on different fields ANDed, repeated ones too) for rows the facade already holds. Parameters that are no
// filter (paging, `all`) are skipped; a modifier it does not know makes the query one for Rancher.

const notFilters = new Set(['limit', 'marker', 'all', 'sort', 'order', 'include']);
const modifiers = ['ne', 'null', 'notnull', 'eq'] as const;
type Modifier = (typeof modifiers)[number];

export type RowFilter = (row: Resource) => boolean;

function parse(name: string): { field: string; modifier: Modifier } | null {
  const cut = name.lastIndexOf('_');
  const suffix = cut > 0 ? name.slice(cut + 1) : '';
  if ((modifiers as readonly string[]).includes(suffix)) return { field: name.slice(0, cut), modifier: suffix as Modifier };
  if (/_(lt|lte|gt|gte|prefix|like|notlike)$/.test(name)) return null;
  return { field: name, modifier: 'eq' };
}

function test(value: unknown, modifier: Modifier, wanted: string): boolean {
  const missing = value === null || value === undefined;
  if (modifier === 'null') return missing;
  if (modifier === 'notnull') return !missing;
  if (modifier === 'eq') return !missing && String(value) === wanted;
  return missing || String(value) !== wanted;
}

/** The query as a predicate on rows; null when it uses a modifier only Rancher evaluates. */
export function rowFilter(params: URLSearchParams): RowFilter | null {
  const conditions: { field: string; modifier: Modifier; value: string }[] = [];
  for (const [name, value] of params) {
    if (notFilters.has(name)) continue;
    const parsed = parse(name);
    if (!parsed) return null;
    conditions.push({ ...parsed, value });
  }
  return (row) => conditions.every((c) => test(row[c.field], c.modifier, c.value));
}
