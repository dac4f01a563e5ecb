import type { AnsiSpan, AnsiStyle } from './ansi-sgr';
import type { MatchRange } from './log-search';

/** Lines longer than this are cut until the user asks for the whole line (ux.md G1). */
export const maxShownCharacters = 10_000;

export type SegmentMark = 'none' | 'match' | 'current';

export interface LineSegment {
  text: string;
  style: AnsiStyle;
  mark: SegmentMark;
}

/**
 * Cuts a line's styled spans at the search matches: each piece keeps its ANSI style and says whether it
 * is inside a match, and whether that match is the current one. Text past `limit` characters is left out.
 * Offsets are in the plain text, which the spans spell out in order.
 */
export function lineSegments(spans: readonly AnsiSpan[], ranges: readonly MatchRange[], currentOccurrence: number | null, limit: number = maxShownCharacters): LineSegment[] {
  const segments: LineSegment[] = [];
  let offset = 0;
  let r = 0;
  for (const span of spans) {
    if (offset >= limit) break;
    const spanEnd = Math.min(offset + span.text.length, limit);
    let at = offset;
    while (at < spanEnd) {
      while (r < ranges.length && (ranges[r] as MatchRange)[1] <= at) r++;
      const range = ranges[r];
      let end: number;
      let mark: SegmentMark = 'none';
      if (range && range[0] <= at) {
        end = Math.min(range[1], spanEnd);
        mark = r === currentOccurrence ? 'current' : 'match';
      } else {
        end = range ? Math.min(range[0], spanEnd) : spanEnd;
      }
      segments.push({ text: span.text.slice(at - offset, end - offset), style: span.style, mark });
      at = end;
    }
    offset += span.text.length;
  }
  return segments;
}
