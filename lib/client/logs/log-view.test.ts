import { describe, expect, it } from 'vitest';
import { gapEntry, lineEntry } from './fixtures/log-entries';
import type { LogEntry, LogLineEntry } from './log-entry';
import { buildLogView, isStreamShown } from './log-view';

const entries: LogEntry[] = [
  lineEntry(1, 0, 'GET / 200'),
  lineEntry(2, 1, 'ERROR db down', { stream: 'stderr' }),
  gapEntry(3, 1),
  lineEntry(4, 2, 'GET /health 200'),
  lineEntry(5, 3, '$ ls', { stream: 'tty' }),
];
const hasError = (entry: LogLineEntry) => entry.plain.includes('ERROR');
const seqs = (rows: { length: number; at(i: number): LogEntry | undefined }) => Array.from({ length: rows.length }, (_, i) => rows.at(i)?.seq);

describe('buildLogView', () => {
  it('returns the source itself when nothing filters', () => {
    expect(buildLogView(entries, { streams: 'all', matchFilter: 'all', isMatch: hasError })).toBe(entries);
  });

  it('filters streams; a terminal stream counts as stdout; markers stay', () => {
    expect(seqs(buildLogView(entries, { streams: 'stdout', matchFilter: 'all', isMatch: hasError }))).toEqual([1, 3, 4, 5]);
    expect(seqs(buildLogView(entries, { streams: 'stderr', matchFilter: 'all', isMatch: hasError }))).toEqual([2, 3]);
  });

  it('keeps only matching lines (grep) or only the others (invert)', () => {
    expect(seqs(buildLogView(entries, { streams: 'all', matchFilter: 'matching', isMatch: hasError }))).toEqual([2, 3]);
    expect(seqs(buildLogView(entries, { streams: 'all', matchFilter: 'non-matching', isMatch: hasError }))).toEqual([1, 3, 4, 5]);
    expect(seqs(buildLogView(entries, { streams: 'stdout', matchFilter: 'matching', isMatch: hasError }))).toEqual([3]);
  });
});

describe('isStreamShown', () => {
  it.each([
    ['stdout', 'all', true],
    ['stderr', 'stdout', false],
    ['tty', 'stdout', true],
    ['tty', 'stderr', false],
    ['stderr', 'stderr', true],
  ] as const)('%s under %s: %s', (stream, choice, shown) => {
    expect(isStreamShown(stream, choice)).toBe(shown);
  });
});
