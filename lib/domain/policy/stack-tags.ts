import { isStackTagKey, readStackTag, splitStackTags, stackTagFields } from '../rancher/stack-tags';

// The policy reads tags with the same grammar as access (lib/domain/rancher/stack-tags.ts) and keeps
// every tag with what is wrong with it and where it is, so a finding can point at it.

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

/** The object form's camel-case fields back to their tag keys (`staffOwner` → `staff-owner`). */
const keyOfField: Record<string, string> = Object.fromEntries(Object.entries(stackTagFields).map(([key, field]) => [field, key]));

function tag(raw: string, range: StackTag['range']): StackTag {
  if (raw === '') return { key: '', value: '', raw, range, problem: 'empty' };
  const { key, value, hasColon } = readStackTag(raw);
  if (!hasColon) return { key: '', value: '', raw, range, problem: 'no-colon' };
  const problem = value === '' ? 'empty-value' : isStackTagKey(key) ? null : 'unknown-key';
  return { key, value, raw, range, problem };
}

/** Reads `owner:fred, group:csg` (tags trimmed) or the portal's object form `{ owner, staffOwner, … }`. */
export function lintStackTags(input: string | Readonly<Record<string, string | null | undefined>>): StackTags {
  if (typeof input !== 'string') {
    const tags: StackTag[] = [];
    for (const [k, v] of Object.entries(input)) {
      if (v === null || v === undefined) continue;
      tags.push(tag(`${keyOfField[k] ?? k}:${v}`, null));
    }
    return { text: tags.map((t) => t.raw).join(', '), tags };
  }
  if (input.trim() === '') return { text: input, tags: [] };
  return { text: input, tags: splitStackTags(input).map(({ text, start, end }) => tag(text, { start, end })) };
}

/** NIM usernames: lower case, starting with a letter (inferred from NERSC account names). */
export const NIM_USERNAME = /^[a-z][a-z0-9_]{0,31}$/;
