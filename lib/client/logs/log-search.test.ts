import { describe, expect, it } from 'vitest';
import { compileSearch, findMatches } from './log-search';

function matches(query: string, text: string, options: { isRegex?: boolean; matchCase?: boolean } = {}) {
  const compiled = compileSearch({ query, isRegex: options.isRegex ?? false, matchCase: options.matchCase ?? false });
  if (!compiled.ok || !compiled.pattern) throw new Error('no pattern');
  return findMatches(text, compiled.pattern);
}

describe('compileSearch and findMatches', () => {
  it('is literal by default: regex characters match themselves', () => {
    expect(matches('a.c', 'abc a.c')).toEqual([[4, 7]]);
    expect(matches('(x)', '(x) x')).toEqual([[0, 3]]);
  });

  it('ignores case unless asked', () => {
    expect(matches('error', 'Error ERROR error')).toHaveLength(3);
    expect(matches('error', 'Error ERROR error', { matchCase: true })).toEqual([[12, 17]]);
  });

  it('reads regular expressions when asked', () => {
    expect(matches('\\d{3}', 'GET / 200 1234', { isRegex: true })).toEqual([
      [6, 9],
      [10, 13],
    ]);
  });

  it('skips empty matches instead of looping', () => {
    expect(matches('x*', 'abxxc', { isRegex: true })).toEqual([[2, 4]]);
    expect(matches('^', 'abc', { isRegex: true })).toEqual([]);
  });

  it('caps the matches of one line', () => {
    const compiled = compileSearch({ query: 'a', isRegex: false, matchCase: true });
    if (!compiled.ok || !compiled.pattern) throw new Error('no pattern');
    expect(findMatches('a'.repeat(5_000), compiled.pattern)).toHaveLength(1_000);
    expect(findMatches('aaa', compiled.pattern, 2)).toHaveLength(2);
  });

  it('searches for nothing when empty and explains a bad expression', () => {
    expect(compileSearch({ query: '', isRegex: true, matchCase: false })).toEqual({ ok: true, pattern: null });
    const bad = compileSearch({ query: '(unclosed', isRegex: true, matchCase: false });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/unterminated group/i);
    expect(compileSearch({ query: '(unclosed', isRegex: false, matchCase: false }).ok).toBe(true);
  });

  it('gives the same answer when reused', () => {
    const compiled = compileSearch({ query: 'b', isRegex: false, matchCase: false });
    if (!compiled.ok || !compiled.pattern) throw new Error('no pattern');
    expect(findMatches('abcb', compiled.pattern)).toEqual(findMatches('abcb', compiled.pattern));
  });
});
