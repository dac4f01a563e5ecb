import { describe, expect, it } from 'vitest';
import { lineEntry } from './fixtures/log-entries';
import type { LogEntry } from './log-entry';
import { compileSearch } from './log-search';
import { collectSearchResults, MatchCache, matchAt, matchOrdinal, pointerOfEntry, stepMatch, type SearchResults } from './search-results';

function results(lines: string[], query: string): { view: LogEntry[]; found: SearchResults; cache: MatchCache } {
  const view = lines.map((line, i) => lineEntry(i + 1, i, line));
  const compiled = compileSearch({ query, isRegex: false, matchCase: false });
  if (!compiled.ok || !compiled.pattern) throw new Error('no pattern');
  const cache = new MatchCache(compiled.pattern);
  return { view, found: collectSearchResults(view, (entry) => cache.rangesOf(entry)), cache };
}

// Rows 1 and 3 match: row 1 twice, row 3 once.
const lines = ['GET /', 'error error', 'GET /health', 'an ERROR', 'GET /'];

describe('collectSearchResults', () => {
  it('counts every match and lists the rows holding them', () => {
    const { found } = results(lines, 'error');
    expect(found).toEqual({ total: 3, rows: [1, 3], starts: [0, 2, 3] });
  });

  it('finds nothing in a view without the text', () => {
    expect(results(lines, 'zzz').found).toEqual({ total: 0, rows: [], starts: [0] });
  });

  it('reuses the matches it computed for a line', () => {
    const { view, cache } = results(lines, 'error');
    const entry = view[1];
    if (entry?.kind !== 'line') throw new Error('fixture');
    expect(cache.rangesOf(entry)).toBe(cache.rangesOf(entry));
  });
});

describe('matchOrdinal and matchAt', () => {
  const { found } = results(lines, 'error');
  it('numbers matches across rows from 1', () => {
    expect(matchOrdinal(found, { row: 1, occurrence: 0 })).toBe(1);
    expect(matchOrdinal(found, { row: 1, occurrence: 1 })).toBe(2);
    expect(matchOrdinal(found, { row: 3, occurrence: 0 })).toBe(3);
    expect(matchOrdinal(found, { row: 2, occurrence: 0 })).toBe(0);
    expect(matchOrdinal(found, { row: 3, occurrence: 1 })).toBe(0);
    expect(matchOrdinal(found, null)).toBe(0);
  });
  it('finds the match at a position', () => {
    expect(matchAt(found, 2)).toEqual({ row: 1, occurrence: 1 });
    expect(matchAt(found, 3)).toEqual({ row: 3, occurrence: 0 });
    expect(matchAt(found, 4)).toBeNull();
    expect(matchAt(found, 0)).toBeNull();
  });
});

describe('stepMatch', () => {
  const { found } = results(lines, 'error');
  it('steps forward and back, wrapping around', () => {
    expect(stepMatch(found, { row: 1, occurrence: 0 }, 1, 0)).toEqual({ row: 1, occurrence: 1 });
    expect(stepMatch(found, { row: 1, occurrence: 1 }, 1, 0)).toEqual({ row: 3, occurrence: 0 });
    expect(stepMatch(found, { row: 3, occurrence: 0 }, 1, 0)).toEqual({ row: 1, occurrence: 0 });
    expect(stepMatch(found, { row: 1, occurrence: 0 }, -1, 0)).toEqual({ row: 3, occurrence: 0 });
  });
  it('starts from the row on screen when there is no current match', () => {
    expect(stepMatch(found, null, 1, 2)).toEqual({ row: 3, occurrence: 0 });
    expect(stepMatch(found, null, 1, 4)).toEqual({ row: 1, occurrence: 0 });
    expect(stepMatch(found, null, -1, 2)).toEqual({ row: 1, occurrence: 1 });
    expect(stepMatch(found, null, -1, 0)).toEqual({ row: 3, occurrence: 0 });
  });
  it('continues from a row that no longer matches', () => {
    expect(stepMatch(found, { row: 2, occurrence: 0 }, 1, 0)).toEqual({ row: 3, occurrence: 0 });
  });
  it('has nowhere to go without matches', () => {
    expect(stepMatch(results(lines, 'zzz').found, null, 1, 0)).toBeNull();
  });
});

describe('pointerOfEntry', () => {
  it('follows a line as rows before it leave, and loses it once it left', () => {
    const { view } = results(lines, 'error');
    const entry = view[3];
    if (entry?.kind !== 'line') throw new Error('fixture');
    expect(pointerOfEntry(view, entry, 0)).toEqual({ row: 3, occurrence: 0 });
    expect(pointerOfEntry(view.slice(2), entry, 0)).toEqual({ row: 1, occurrence: 0 });
    expect(pointerOfEntry(view.slice(4), entry, 0)).toBeNull();
  });
});
