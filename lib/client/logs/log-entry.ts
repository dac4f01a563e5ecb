import { compareLogTime, type LogTime } from './log-time';

export type LogStream = 'stdout' | 'stderr' | 'tty';

interface EntryBase {
  /** Arrival order across every container of the view: breaks ties between equal stamps. */
  seq: number;
  containerId: string;
  /** Where the entry sorts; a marker takes the time of the last line its container wrote before it. */
  time: LogTime;
}

/** One line a container wrote. */
export interface LogLineEntry extends EntryBase {
  kind: 'line';
  /** The stamp exactly as the server sent it (kept for permalinks and downloads). */
  ts: string;
  stream: LogStream;
  /** The text as written, ANSI escapes included. */
  line: string;
  /** The text without escapes: what search, downloads and line hashes read. */
  plain: string;
}

/** The server dropped lines because this browser read slower than the container wrote. */
export interface DroppedEntry extends EntryBase {
  kind: 'dropped';
  count: number;
}

/** The socket dropped and came back: lines written in between may be missing. */
export interface GapEntry extends EntryBase {
  kind: 'gap';
  /** Epoch ms of the reconnection. */
  reconnectedAt: number;
  /** True when the re-sent tail reached back to the last line seen, so nothing was missed. */
  isContinuous: boolean;
}

export type LogEntry = LogLineEntry | DroppedEntry | GapEntry;

/** The one order of a log view: by time, then by arrival. */
export function compareEntries(a: LogEntry, b: LogEntry): number {
  return compareLogTime(a.time, b.time) || a.seq - b.seq;
}

/** A read-only list of rows: plain arrays and the ring buffer both are one. */
export interface RowList<T> {
  readonly length: number;
  at(index: number): T | undefined;
}

/**
 * Where `entry` is, or would be inserted, in rows sorted by compareEntries (a binary search: a view
 * of 100,000 rows is searched in 17 steps).
 */
export function rowOfEntry(rows: RowList<LogEntry>, entry: LogEntry): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const row = rows.at(mid);
    if (row && compareEntries(row, entry) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}
