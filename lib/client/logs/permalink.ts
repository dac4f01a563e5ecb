import { z } from 'zod';
import type { LogEntry, LogLineEntry, RowList } from './log-entry';
import { compareLogTime, parseLogTime } from './log-time';

/** A line of a container's log: where a "copy link" points. */
export interface LogPermalink {
  containerId: string;
  /** The line's stamp as the server sent it. */
  ts: string;
  /** lineHash of the line's text, telling apart lines written in the same instant. */
  hash?: string;
}

// Query parameters of a permalink, beside whatever else the page's URL holds.
const params = { containerId: 'logContainer', ts: 'logTime', hash: 'logLine' } as const;

export const logPermalink = z.object({
  containerId: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/),
  ts: z.string().refine((ts) => parseLogTime(ts) !== null, 'not an RFC3339 time'),
  hash: z
    .string()
    .regex(/^[0-9a-f]{8}$/)
    .optional(),
});

/**
 * A short hash of a line's text (32-bit FNV-1a over its UTF-16 units, 8 hex digits): enough to tell
 * apart the few lines one container writes in one instant, and short enough for a URL.
 */
export function lineHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

export function permalinkOf(entry: LogLineEntry): LogPermalink {
  return { containerId: entry.containerId, ts: entry.ts, hash: lineHash(entry.plain) };
}

/**
 * The page's URL pointing at a line: the other query parameters stay, an earlier target is replaced,
 * and the fragment goes.
 *
 * @example encodePermalink('https://portal.example/stacks/1st5/logs?container=1i5', { containerId: '1i5', ts: '2026-11-25T13:37:00.5Z', hash: '0badf00d' })
 *   // 'https://portal.example/stacks/1st5/logs?container=1i5&logContainer=1i5&logTime=2026-11-25T13%3A37%3A00.5Z&logLine=0badf00d'
 */
export function encodePermalink(pageUrl: string, target: LogPermalink): string {
  const url = new URL(pageUrl);
  url.searchParams.set(params.containerId, target.containerId);
  url.searchParams.set(params.ts, target.ts);
  if (target.hash) url.searchParams.set(params.hash, target.hash);
  else url.searchParams.delete(params.hash);
  url.hash = '';
  return url.toString();
}

type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

function readParam(source: SearchParamsLike, name: string): string | undefined {
  if (source instanceof URLSearchParams) return source.get(name) ?? undefined;
  const value = source[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The line a URL points at, or null when it points at none (or at something malformed). Takes the
 * browser's URLSearchParams or the `searchParams` record a Next page receives.
 */
export function decodePermalink(source: SearchParamsLike): LogPermalink | null {
  const containerId = readParam(source, params.containerId);
  const ts = readParam(source, params.ts);
  if (containerId === undefined || ts === undefined) return null;
  const parsed = logPermalink.safeParse({ containerId, ts, hash: readParam(source, params.hash) });
  return parsed.success ? parsed.data : null;
}

export type PermalinkLocation = { status: 'found'; entry: LogLineEntry } | { status: 'pending' } | { status: 'missing' };

/**
 * Finds the linked line among loaded entries: `found`; `pending` while the container's lines have not
 * reached its time; `missing` once they have gone past it without it (aged out, or not in the tail).
 */
export function locatePermalink(entries: RowList<LogEntry>, target: LogPermalink): PermalinkLocation {
  const time = parseLogTime(target.ts);
  if (!time) return { status: 'missing' };
  // Walk back from the newest line: past the target's time without meeting it means it is not here.
  let hasReached = false;
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries.at(i);
    if (entry?.kind !== 'line' || entry.containerId !== target.containerId) continue;
    const order = compareLogTime(entry.time, time);
    if (order < 0) break;
    hasReached = true;
    if (order === 0 && (!target.hash || lineHash(entry.plain) === target.hash)) return { status: 'found', entry };
  }
  return hasReached ? { status: 'missing' } : { status: 'pending' };
}
