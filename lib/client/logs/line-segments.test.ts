import { describe, expect, it } from 'vitest';
import { parseAnsi } from './ansi-sgr';
import { lineSegments } from './line-segments';

const show = (segments: ReturnType<typeof lineSegments>) => segments.map((s) => `${s.text}|${s.mark}|${JSON.stringify(s.style)}`);

describe('lineSegments', () => {
  it('returns the spans untouched without matches', () => {
    expect(show(lineSegments(parseAnsi('\x1b[31mred\x1b[0m plain'), [], null))).toEqual(['red|none|{"fg":1}', ' plain|none|{}']);
  });

  it('cuts spans at matches, marking the current one', () => {
    const spans = parseAnsi('\x1b[31mERROR\x1b[0m: error here');
    // Matches "ERROR" (across nothing) and "error".
    const segments = lineSegments(spans, [
      [2, 5],
      [7, 12],
    ], 1);
    expect(show(segments)).toEqual(['ER|none|{"fg":1}', 'ROR|match|{"fg":1}', ': |none|{}', 'error|current|{}', ' here|none|{}']);
  });

  it('splits a match that crosses a colour change', () => {
    const segments = lineSegments(parseAnsi('ab\x1b[32mcd'), [[1, 3]], null);
    expect(show(segments)).toEqual(['a|none|{}', 'b|match|{}', 'c|match|{"fg":2}', 'd|none|{"fg":2}']);
  });

  it('stops at the limit', () => {
    const segments = lineSegments(parseAnsi('abcdef'), [[2, 5]], 0, 4);
    expect(show(segments)).toEqual(['ab|none|{}', 'cd|current|{}']);
    expect(segments.map((s) => s.text).join('')).toHaveLength(4);
  });
});
