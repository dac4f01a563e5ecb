import 'server-only';
import type { LogLine } from '@/lib/domain/rancher/types';

// Rancher's logs socket sends one docker log write per text frame: a stream prefix (`00 ` combined TTY
// output, `01 ` stdout, `02 ` stderr), then docker's RFC3339Nano timestamp, a space and the text. A frame
// may hold several lines, each with its own timestamp, or none (rancher-api.md §6.2, §9.6).

const streams: Record<string, LogLine['stream']> = { '00': 'tty', '01': 'stdout', '02': 'stderr' };
const stamped = /^\[?(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d))\]?\s?/;

/**
 * The lines of one frame. A line without a timestamp of its own takes the one before it (or
 * `fallbackTs`, for a frame that opens without one).
 *
 * @example parseLogFrame('02 2017-06-01T12:00:01.000000001Z WARN slow query\n', '')
 *   // [{ ts: '2017-06-01T12:00:01.000000001Z', stream: 'stderr', line: 'WARN slow query' }]
 */
export function parseLogFrame(frame: string, fallbackTs: string): LogLine[] {
  const prefix = /^(0[0-2]) /.exec(frame);
  const stream = prefix ? (streams[prefix[1] ?? ''] ?? 'stdout') : 'stdout';
  const body = prefix ? frame.slice(prefix[0].length) : frame;
  const pieces = body.split('\n');
  if (pieces.at(-1) === '') pieces.pop();
  const lines: LogLine[] = [];
  let ts = fallbackTs;
  for (const piece of pieces) {
    const text = piece.endsWith('\r') ? piece.slice(0, -1) : piece;
    const match = stamped.exec(text);
    if (match?.[1]) ts = match[1];
    lines.push({ ts, stream, line: match ? text.slice(match[0].length) : text });
  }
  return lines;
}

/**
 * A key that sorts like the instant, for RFC3339Nano stamps whose fraction docker trims of trailing
 * zeros (`…:00.1Z` is later than `…:00.09Z`).
 */
export function sortableTs(ts: string): string {
  const match = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?Z$/.exec(ts);
  if (!match) return ts;
  return `${match[1]}.${(match[2] ?? '').padEnd(9, '0')}Z`;
}
