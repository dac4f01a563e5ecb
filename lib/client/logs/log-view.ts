import type { LogEntry, LogLineEntry, LogStream, RowList } from './log-entry';

export const streamChoices = ['all', 'stdout', 'stderr'] as const;
export type StreamChoice = (typeof streamChoices)[number];

/** `matching` shows only lines that match the search (grep), `non-matching` only the others (grep -v). */
export type MatchFilter = 'all' | 'matching' | 'non-matching';

/** A container with a terminal has one combined stream, which docker reports with stdout. */
export function isStreamShown(stream: LogStream, choice: StreamChoice): boolean {
  if (choice === 'all') return true;
  if (choice === 'stdout') return stream !== 'stderr';
  return stream === 'stderr';
}

export interface ViewOptions {
  streams: StreamChoice;
  matchFilter: MatchFilter;
  /** Whether a line matches the search; unused when matchFilter is `all`. */
  isMatch: (entry: LogLineEntry) => boolean;
}

/**
 * The rows to show: the buffer itself when nothing filters (no copy of 100,000 rows ten times a
 * second), else the lines that pass. Markers always pass: a gap stays visible whatever is filtered.
 */
export function buildLogView(source: RowList<LogEntry>, { streams, matchFilter, isMatch }: ViewOptions): RowList<LogEntry> {
  if (streams === 'all' && matchFilter === 'all') return source;
  const rows: LogEntry[] = [];
  for (let i = 0; i < source.length; i++) {
    const entry = source.at(i);
    if (!entry) continue;
    if (entry.kind !== 'line') {
      rows.push(entry);
      continue;
    }
    if (!isStreamShown(entry.stream, streams)) continue;
    if (matchFilter !== 'all' && isMatch(entry) !== (matchFilter === 'matching')) continue;
    rows.push(entry);
  }
  return rows;
}
