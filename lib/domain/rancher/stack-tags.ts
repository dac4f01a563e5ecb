import type { StackTags } from './types';

// Spin keeps its stack tags in Rancher's free-text `group` field. Rancher's UI normalises each tag
// with trim + lower-case and rejoins them with ", " (rancher-api.md §3.1); the portal does the same.

/** Spin's tag keys (BP18 §Stack Tags), in the order the field is written, and where each is kept. */
export const stackTagFields = {
  owner: 'owner',
  'staff-owner': 'staffOwner',
  group: 'group',
  'staff-group': 'staffGroup',
  fqdn: 'fqdn',
  requires: 'requires',
} as const satisfies Record<string, Exclude<keyof StackTags, 'other'>>;

export type StackTagKey = keyof typeof stackTagFields;

export function isStackTagKey(key: string): key is StackTagKey {
  return Object.hasOwn(stackTagFields, key);
}

/** The comma-separated pieces of a `group` field, trimmed, with where each sits in it. */
export function splitStackTags(group: string): { text: string; start: number; end: number }[] {
  const pieces: { text: string; start: number; end: number }[] = [];
  let offset = 0;
  for (const piece of group.split(',')) {
    const lead = piece.length - piece.trimStart().length;
    const text = piece.trim();
    pieces.push({ text, start: offset + lead, end: offset + lead + text.length });
    offset += piece.length + 1;
  }
  return pieces;
}

/**
 * One tag's key and value, lower-cased and trimmed like Rancher's UI (`Owner: Fred` is owner, fred).
 * A tag without a colon is all key.
 */
export function readStackTag(text: string): { key: string; value: string; hasColon: boolean } {
  const tag = text.trim().toLowerCase();
  const colon = tag.indexOf(':');
  if (colon < 0) return { key: tag, value: '', hasColon: false };
  return { key: tag.slice(0, colon).trim(), value: tag.slice(colon + 1).trim(), hasColon: true };
}

/**
 * Parses a stack's `group` field. The first tag of each key wins, so a second `owner:` cannot widen
 * access; unknown tags are kept in `other`.
 *
 * @example parseStackTags('Owner:Fred, group:csg,  requires:gpfs, legacy')
 *   // { owner: 'fred', group: 'csg', requires: 'gpfs', other: { legacy: '' } }
 */
export function parseStackTags(group: string | null | undefined): StackTags {
  const tags: StackTags = { other: {} };
  for (const { text } of splitStackTags(group ?? '')) {
    if (text === '') continue;
    const { key, value } = readStackTag(text);
    if (isStackTagKey(key)) {
      // A known key without a value (`owner:`) grants nothing and is dropped.
      if (value !== '') tags[stackTagFields[key]] ??= value;
    } else if (!Object.hasOwn(tags.other, key)) {
      tags.other[key] = value;
    }
  }
  return tags;
}

/**
 * Writes tags back in the `group` field's form: known keys in Spin's order, then the others.
 *
 * @example formatStackTags({ owner: 'fred', staffOwner: 'wilma', other: { legacy: '' } })
 *   // 'owner:fred, staff-owner:wilma, legacy'
 */
export function formatStackTags(tags: StackTags): string {
  const parts: string[] = [];
  for (const [key, field] of Object.entries(stackTagFields)) {
    const value = tags[field];
    if (value) parts.push(`${key}:${value.trim().toLowerCase()}`);
  }
  for (const [key, value] of Object.entries(tags.other)) {
    const k = key.trim().toLowerCase();
    const v = value.trim().toLowerCase();
    if (k === '' || isStackTagKey(k)) continue;
    parts.push(v === '' ? k : `${k}:${v}`);
  }
  return parts.join(', ');
}
