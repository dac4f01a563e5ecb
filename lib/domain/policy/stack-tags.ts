/** Tag keys of BP18 §Stack Tags. */
export const STACK_TAG_KEYS = ['owner', 'staff-owner', 'group', 'staff-group', 'fqdn', 'requires'] as const;
export type StackTagKey = (typeof STACK_TAG_KEYS)[number];

export interface StackTag {
  /** Lower-cased key as written (may be unknown). */
  key: string;
  /** Trimmed value; lower-cased like lib/access does, so `owner:Fred` means fred. */
  value: string;
  raw: string;
  /** Character range of the tag inside the `group` string; null when tags came as an object. */
  range: { start: number; end: number } | null;
  problem: 'empty' | 'no-colon' | 'empty-value' | 'unknown-key' | null;
}

export interface StackTags {
  /** The comma-separated form, as stored in the Rancher stack's `group` field. */
  text: string;
  tags: StackTag[];
}

const CAMEL_KEYS: Record<string, StackTagKey> = { staffOwner: 'staff-owner', staffGroup: 'staff-group' };

function isKnownKey(key: string): key is StackTagKey {
  return (STACK_TAG_KEYS as readonly string[]).includes(key);
}

function tag(raw: string, range: StackTag['range']): StackTag {
  if (raw === '') return { key: '', value: '', raw, range, problem: 'empty' };
  const colon = raw.indexOf(':');
  if (colon < 0) return { key: '', value: '', raw, range, problem: 'no-colon' };
  const key = raw.slice(0, colon).trim().toLowerCase();
  const value = raw.slice(colon + 1).trim().toLowerCase();
  const problem = value === '' ? 'empty-value' : isKnownKey(key) ? null : 'unknown-key';
  return { key, value, raw, range, problem };
}

/** Parses `owner:fred, group:csg` (tags trimmed) or the portal's object form `{ owner, staffOwner, … }`. */
export function parseStackTags(input: string | Readonly<Record<string, string | null | undefined>>): StackTags {
  if (typeof input !== 'string') {
    const tags: StackTag[] = [];
    for (const [k, v] of Object.entries(input)) {
      if (v === null || v === undefined) continue;
      tags.push(tag(`${CAMEL_KEYS[k] ?? k}:${v}`, null));
    }
    return { text: tags.map((t) => t.raw).join(', '), tags };
  }
  const tags: StackTag[] = [];
  if (input.trim() === '') return { text: input, tags };
  let offset = 0;
  for (const piece of input.split(',')) {
    const lead = piece.length - piece.trimStart().length;
    const trimmed = piece.trim();
    tags.push(tag(trimmed, { start: offset + lead, end: offset + lead + trimmed.length }));
    offset += piece.length + 1;
  }
  return { text: input, tags };
}

/** NIM usernames: lower case, starting with a letter (inferred from NERSC account names). */
export const NIM_USERNAME = /^[a-z][a-z0-9_]{0,31}$/;
