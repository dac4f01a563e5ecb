// Collection filters as cattle parses them (rancher-api.md §2.4): `field=value` or
// `field_{modifier}=value`, the name split at its last `_`; conditions on different fields are ANDed.
// Unknown parameters and fields that cannot be filtered are ignored, never an error.

export const modifiers = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'prefix', 'like', 'notlike', 'null', 'notnull'] as const;
export type Modifier = (typeof modifiers)[number];

export interface Condition {
  modifier: Modifier;
  value: string;
}

export type Conditions = Map<string, Condition[]>;

const isModifier = (s: string): s is Modifier => (modifiers as readonly string[]).includes(s);

/** The conditions among `params` that name one of `fields`. */
export function parseConditions(params: URLSearchParams, fields: readonly string[]): Conditions {
  const known = new Set(fields);
  const out: Conditions = new Map();
  for (const [name, value] of params) {
    let field = name;
    let modifier: Modifier = 'eq';
    const cut = name.lastIndexOf('_');
    if (!known.has(name) && cut > 0) {
      const suffix = name.slice(cut + 1);
      if (isModifier(suffix)) {
        field = name.slice(0, cut);
        modifier = suffix;
      }
    }
    if (!known.has(field)) continue;
    out.set(field, [...(out.get(field) ?? []), { modifier, value }]);
  }
  return out;
}

function likePattern(pattern: string): RegExp {
  const body = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.');
  return new RegExp(`^${body}$`, 'is');
}

function compare(actual: unknown, wanted: string): number {
  const a = Number(actual);
  const b = Number(wanted);
  if (typeof actual === 'number' || (actual !== '' && wanted !== '' && Number.isFinite(a) && Number.isFinite(b))) return a - b;
  const s = String(actual);
  return s < wanted ? -1 : s > wanted ? 1 : 0;
}

function test(actual: unknown, c: Condition): boolean {
  const missing = actual === null || actual === undefined;
  switch (c.modifier) {
    case 'null':
      return missing;
    case 'notnull':
      return !missing;
    case 'eq':
      return !missing && String(actual) === c.value;
    case 'ne':
      return missing || String(actual) !== c.value;
    case 'lt':
      return !missing && compare(actual, c.value) < 0;
    case 'lte':
      return !missing && compare(actual, c.value) <= 0;
    case 'gt':
      return !missing && compare(actual, c.value) > 0;
    case 'gte':
      return !missing && compare(actual, c.value) >= 0;
    case 'prefix':
      return !missing && String(actual).startsWith(c.value);
    case 'like':
      return !missing && likePattern(c.value).test(String(actual));
    case 'notlike':
      return missing || !likePattern(c.value).test(String(actual));
  }
}

/**
 * True when the record meets every condition. Several `eq` values for one field match any of them
 * (an id list); every other repeated condition must hold, as `state_ne=a&state_ne=b` needs.
 */
export function matches(record: Readonly<Record<string, unknown>>, conditions: Conditions): boolean {
  for (const [field, list] of conditions) {
    const actual = record[field];
    const eqs = list.filter((c) => c.modifier === 'eq');
    if (eqs.length > 0 && !eqs.some((c) => test(actual, c))) return false;
    for (const c of list) {
      if (c.modifier !== 'eq' && !test(actual, c)) return false;
    }
  }
  return true;
}
