/** Keys that start a two-key sequence (`g s`: go to stacks). */
const prefixes = new Set(['g']);

export interface KeyStep {
  /** A prefix waiting for its second key, or null. */
  pending: string | null;
  /** The shortcut the keys spell, once complete: `?`, `l`, `g s`. */
  shortcut: string | null;
}

/**
 * One key press in a shortcut sequence. A prefix waits for the next key; any other key completes the
 * sequence (with the prefix, if one was waiting) or stands alone.
 *
 * @example nextKey(null, 'g') // { pending: 'g', shortcut: null }
 * @example nextKey('g', 's') // { pending: null, shortcut: 'g s' }
 */
export function nextKey(pending: string | null, key: string): KeyStep {
  if (pending) return { pending: null, shortcut: `${pending} ${key}` };
  if (prefixes.has(key)) return { pending: key, shortcut: null };
  return { pending: null, shortcut: key };
}

/** Only plain keys are shortcuts: Shift is allowed (it makes `?` and `N`), other modifiers are not. */
export function isPlainKey(event: { ctrlKey: boolean; metaKey: boolean; altKey: boolean; key: string }): boolean {
  return !event.ctrlKey && !event.metaKey && !event.altKey && event.key.length === 1;
}
