import type { LogEntry } from '../world/world-types';

// host-api's log frames (rancher-api.md §6.2): `01 ` stdout, `02 ` stderr, `00 ` for a TTY container
// whose streams docker combines, then docker's fixed-width RFC3339Nano stamp, a space and the text.
// A frame is one docker write: normally one line, sometimes several, sometimes none.

/** `2026-11-25T13:37:00.123456789Z`: docker's timestamp with all nine fraction digits. */
export function rfc3339Nano(ms: number, nanos: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 23)}${String(Math.max(0, Math.min(999_999, nanos))).padStart(6, '0')}Z`;
}

export function streamPrefix(stream: LogEntry['stream'], tty: boolean): string {
  if (tty) return '00 ';
  return stream === 'stdout' ? '01 ' : '02 ';
}

/** One frame holding `entries`, all of one stream; an empty list gives an empty frame. */
export function logFrame(entries: LogEntry[], stream: LogEntry['stream'], tty: boolean): string {
  return streamPrefix(stream, tty) + entries.map((e) => `${rfc3339Nano(e.ms, e.nanos)} ${e.text}\n`).join('');
}

/** One frame per line, as docker writes steady output. */
export function lineFrames(entries: LogEntry[], tty: boolean): string[] {
  return entries.map((e) => logFrame([e], e.stream, tty));
}
