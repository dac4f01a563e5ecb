export interface SearchOptions {
  query: string;
  isRegex: boolean;
  matchCase: boolean;
}

/** A match inside a line's plain text: [start, end). */
export type MatchRange = readonly [start: number, end: number];

export type CompiledSearch = { ok: true; pattern: RegExp | null } | { ok: false; error: string };

/** Matches a line may show at most: a pathological pattern on a 10k-char line must not hang a render. */
export const maxMatchesPerLine = 1_000;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The pattern a search box means: literal text by default, a regular expression when asked, case-blind
 * unless asked. An empty query searches for nothing (pattern null); a bad expression says why.
 */
export function compileSearch({ query, isRegex, matchCase }: SearchOptions): CompiledSearch {
  if (query === '') return { ok: true, pattern: null };
  const flags = matchCase ? 'g' : 'gi';
  try {
    return { ok: true, pattern: new RegExp(isRegex ? query : escapeRegExp(query), flags) };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message.replace(/^Invalid regular expression: /, '') : 'invalid expression' };
  }
}

/**
 * The non-empty matches of `pattern` (a global RegExp) in `text`. Empty matches (`^`, `x*`) are skipped:
 * they could not be highlighted or stepped to.
 */
export function findMatches(text: string, pattern: RegExp, limit: number = maxMatchesPerLine): MatchRange[] {
  const ranges: MatchRange[] = [];
  pattern.lastIndex = 0;
  while (ranges.length < limit) {
    const match = pattern.exec(text);
    if (!match) break;
    const start = match.index;
    const end = start + match[0].length;
    if (end === start) {
      pattern.lastIndex = start + 1;
      if (start >= text.length) break;
      continue;
    }
    ranges.push([start, end]);
  }
  pattern.lastIndex = 0;
  return ranges;
}
