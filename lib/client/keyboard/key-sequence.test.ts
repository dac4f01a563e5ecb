import { describe, expect, it } from 'vitest';
import { isPlainKey, nextKey } from './key-sequence';

describe('nextKey', () => {
  const cases = [
    { pending: null, key: '?', step: { pending: null, shortcut: '?' } },
    { pending: null, key: 'l', step: { pending: null, shortcut: 'l' } },
    { pending: null, key: 'g', step: { pending: 'g', shortcut: null } },
    { pending: 'g', key: 's', step: { pending: null, shortcut: 'g s' } },
    { pending: 'g', key: 'g', step: { pending: null, shortcut: 'g g' } },
  ];
  it.each(cases)('$pending then $key', ({ pending, key, step }) => {
    expect(nextKey(pending, key)).toEqual(step);
  });
});

describe('isPlainKey', () => {
  const none = { ctrlKey: false, metaKey: false, altKey: false };
  it('takes single characters, shifted or not, and nothing with Ctrl, Cmd or Alt', () => {
    expect(isPlainKey({ ...none, key: '?' })).toBe(true);
    expect(isPlainKey({ ...none, key: 'N' })).toBe(true);
    expect(isPlainKey({ ...none, key: 'Enter' })).toBe(false);
    expect(isPlainKey({ ...none, ctrlKey: true, key: 'f' })).toBe(false);
    expect(isPlainKey({ ...none, metaKey: true, key: 'k' })).toBe(false);
    expect(isPlainKey({ ...none, altKey: true, key: 's' })).toBe(false);
  });
});
