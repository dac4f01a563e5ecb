import type { StackTags } from './types';

// Spin keeps its stack tags in Rancher's free-text `group` field. Rancher's UI normalises each tag
// with trim + lower-case and rejoins them with ", " (rancher-api.md §3.1); the portal does the same.

const knownKeys = {
  owner: 'owner',
  'staff-owner': 'staffOwner',
  group: 'group',
  'staff-group': 'staffGroup',
  fqdn: 'fqdn',
  requires: 'requires',
} as const satisfies Record<string, Exclude<keyof StackTags, 'other'>>;

type KnownKey = keyof typeof knownKeys;

function isKnownKey(key: string): key is KnownKey {
  return Object.hasOwn(knownKeys, key);
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
  for (const piece of (group ?? '').split(',')) {
    const tag = piece.trim().toLowerCase();
    if (tag === '') continue;
    const colon = tag.indexOf(':');
    const key = (colon < 0 ? tag : tag.slice(0, colon)).trim();
    const value = colon < 0 ? '' : tag.slice(colon + 1).trim();
    if (isKnownKey(key)) {
      // A known key without a value (`owner:`) grants nothing and is dropped.
      if (value !== '') tags[knownKeys[key]] ??= value;
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
  for (const [key, field] of Object.entries(knownKeys)) {
    const value = tags[field];
    if (value) parts.push(`${key}:${value.trim().toLowerCase()}`);
  }
  for (const [key, value] of Object.entries(tags.other)) {
    const k = key.trim().toLowerCase();
    const v = value.trim().toLowerCase();
    if (k === '' || isKnownKey(k)) continue;
    parts.push(v === '' ? k : `${k}:${v}`);
  }
  return parts.join(', ');
}
