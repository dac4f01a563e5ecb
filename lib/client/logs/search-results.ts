import { type LogEntry, type LogLineEntry, rowOfEntry, type RowList } from './log-entry';
import { findMatches, type MatchRange } from './log-search';

/** The matches of one search across a view, in view order. */
export interface SearchResults {
  total: number;
  /** View rows holding at least one match, ascending. */
  rows: number[];
  /** starts[i]: matches in rows before rows[i]; starts[rows.length] is the total. */
  starts: number[];
}

/** A match: the view row and which of the row's matches. */
export interface MatchPointer {
  row: number;
  occurrence: number;
}

export const noResults: SearchResults = { total: 0, rows: [], starts: [0] };

const noMatches: readonly MatchRange[] = [];

/**
 * A line's matches for one pattern, computed once per line: the view is rebuilt ten times a second while
 * lines stream in, and only the new lines need the pattern run. Lines the buffer forgets free their entries.
 */
export class MatchCache {
  private readonly cache = new WeakMap<LogLineEntry, readonly MatchRange[]>();

  constructor(readonly pattern: RegExp) {}

  rangesOf(entry: LogLineEntry): readonly MatchRange[] {
    let ranges = this.cache.get(entry);
    if (!ranges) {
      const found = findMatches(entry.plain, this.pattern);
      // Most lines do not match: they share one empty list.
      ranges = found.length === 0 ? noMatches : found;
      this.cache.set(entry, ranges);
    }
    return ranges;
  }
}

export function collectSearchResults(view: RowList<LogEntry>, rangesOf: (entry: LogLineEntry) => readonly MatchRange[]): SearchResults {
  const rows: number[] = [];
  const starts: number[] = [];
  let total = 0;
  for (let row = 0; row < view.length; row++) {
    const entry = view.at(row);
    if (entry?.kind !== 'line') continue;
    const count = rangesOf(entry).length;
    if (count === 0) continue;
    rows.push(row);
    starts.push(total);
    total += count;
  }
  starts.push(total);
  return { total, rows, starts };
}

/** The first index of `sorted` whose value is >= `value`. */
function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] as number) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The 1-based position of a match among all ("k" of "k of n"), or 0 when it is not one. */
export function matchOrdinal(results: SearchResults, pointer: MatchPointer | null): number {
  if (!pointer) return 0;
  const i = lowerBound(results.rows, pointer.row);
  if (results.rows[i] !== pointer.row) return 0;
  const start = results.starts[i] as number;
  const count = (results.starts[i + 1] as number) - start;
  return pointer.occurrence >= 0 && pointer.occurrence < count ? start + pointer.occurrence + 1 : 0;
}

/** The match at a 1-based position. */
export function matchAt(results: SearchResults, ordinal: number): MatchPointer | null {
  if (ordinal < 1 || ordinal > results.total) return null;
  // The last row whose start is below the ordinal holds it.
  const i = lowerBound(results.starts, ordinal) - 1;
  const row = results.rows[i];
  if (row === undefined) return null;
  return { row, occurrence: ordinal - 1 - (results.starts[i] as number) };
}

/**
 * The next (direction 1) or previous (-1) match, wrapping around. From no current match, the search
 * starts at `anchorRow` (the first row on screen), so stepping never jumps far from where the user is.
 */
export function stepMatch(results: SearchResults, from: MatchPointer | null, direction: 1 | -1, anchorRow: number): MatchPointer | null {
  if (results.total === 0) return null;
  const ordinal = matchOrdinal(results, from);
  if (ordinal > 0) return matchAt(results, ((ordinal - 1 + direction + results.total) % results.total) + 1);
  const row = from?.row ?? anchorRow;
  const i = lowerBound(results.rows, row);
  if (direction === 1) return matchAt(results, i < results.rows.length ? (results.starts[i] as number) + 1 : 1);
  return matchAt(results, i > 0 ? (results.starts[i] as number) : results.total);
}

/** Where a match held by its line sits in the view now (rows come and go), or null once its line left it. */
export function pointerOfEntry(view: RowList<LogEntry>, entry: LogLineEntry, occurrence: number): MatchPointer | null {
  const row = rowOfEntry(view, entry);
  return view.at(row) === entry ? { row, occurrence } : null;
}
