/**
 * A log line's instant: epoch milliseconds plus the nanoseconds inside that millisecond, so the order
 * of docker's RFC3339Nano stamps survives (a JavaScript number cannot hold nanoseconds since 1970).
 */
export interface LogTime {
  ms: number;
  ns: number;
}

/** How stamps are shown: wall clock in the browser's zone or in UTC, or as time before now. */
export type TimeZoneChoice = 'local' | 'utc' | 'relative';

const rfc3339 = /^(\d{4}-\d\d-\d\d)[Tt ](\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?([Zz]|[+-]\d\d:\d\d)$/;

/**
 * Parses an RFC3339 stamp with up to nanosecond precision; null when it is not one.
 *
 * @example parseLogTime('2026-11-25T13:37:00.123456789Z') // { ms: 1795613820123, ns: 456789 }
 */
export function parseLogTime(ts: string): LogTime | null {
  const match = rfc3339.exec(ts);
  if (!match) return null;
  const [, date, clock, fraction = '', zone = 'Z'] = match;
  const digits = fraction.padEnd(9, '0');
  const ms = Date.parse(`${date}T${clock}.${digits.slice(0, 3)}${zone.toUpperCase()}`);
  if (Number.isNaN(ms)) return null;
  return { ms, ns: Number(digits.slice(3)) };
}

export function compareLogTime(a: LogTime, b: LogTime): number {
  return a.ms - b.ms || a.ns - b.ns;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `12 s ago`, `3 min ago`, `5 h ago`, `2 d ago`: right-aligned to one width so rows line up. */
export function formatRelativeTime(ms: number, now: number): string {
  const seconds = Math.max(0, Math.floor((now - ms) / 1000));
  const [amount, unit] =
    seconds < 60 ? [seconds, 's'] : seconds < 3600 ? [Math.floor(seconds / 60), 'min'] : seconds < 86_400 ? [Math.floor(seconds / 3600), 'h'] : [Math.floor(seconds / 86_400), 'd'];
  return `${amount} ${unit} ago`.padStart(10, '\u00a0');
}

/**
 * `2026-11-25 13:37:00.123` in the browser's zone, or `2026-11-25 13:37:00.123Z` in UTC: fixed width,
 * so the columns of a monospaced log line up. `relative` shows the time before `now`.
 */
export function formatLogTime(ms: number, zone: TimeZoneChoice, now = Date.now()): string {
  if (zone === 'relative') return formatRelativeTime(ms, now);
  const d = new Date(ms);
  if (zone === 'utc') {
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}Z`;
  }
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** `13:01:09`, for markers that sit among lines that already show their stamp (local when relative). */
export function formatClock(ms: number, zone: TimeZoneChoice): string {
  return formatLogTime(ms, zone === 'utc' ? 'utc' : 'local').slice(11, 19);
}
