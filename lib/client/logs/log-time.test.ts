import { describe, expect, it } from 'vitest';
import { compareLogTime, formatClock, formatLogTime, formatRelativeTime, parseLogTime } from './log-time';

describe('parseLogTime', () => {
  const cases = [
    { ts: '2026-11-25T13:37:00.123456789Z', ms: Date.UTC(2026, 10, 25, 13, 37, 0, 123), ns: 456789 },
    { ts: '2026-11-25T13:37:00.5Z', ms: Date.UTC(2026, 10, 25, 13, 37, 0, 500), ns: 0 },
    { ts: '2026-11-25T13:37:00Z', ms: Date.UTC(2026, 10, 25, 13, 37, 0), ns: 0 },
    { ts: '2026-11-25T14:37:00.000001+01:00', ms: Date.UTC(2026, 10, 25, 13, 37, 0), ns: 1000 },
    { ts: '2026-11-25 13:37:00.123z', ms: Date.UTC(2026, 10, 25, 13, 37, 0, 123), ns: 0 },
  ];
  it.each(cases)('$ts', ({ ts, ms, ns }) => {
    expect(parseLogTime(ts)).toEqual({ ms, ns });
  });

  it.each(['', 'yesterday', '2026-11-25', '2026-11-25T13:37:00', '2026-13-45T99:00:00Z', '2026-11-25T13:37:00.1234567890Z'])('rejects %j', (ts) => {
    expect(parseLogTime(ts)).toBeNull();
  });

  it('orders stamps whose fractions have different lengths', () => {
    const a = parseLogTime('2026-11-25T13:37:00.09Z');
    const b = parseLogTime('2026-11-25T13:37:00.1Z');
    const c = parseLogTime('2026-11-25T13:37:00.100000001Z');
    if (!a || !b || !c) throw new Error('unparsed');
    expect(compareLogTime(a, b)).toBeLessThan(0);
    expect(compareLogTime(b, c)).toBeLessThan(0);
    expect(compareLogTime(c, c)).toBe(0);
  });
});

describe('formatLogTime', () => {
  const ms = Date.UTC(2026, 0, 2, 3, 4, 5, 6);
  it('writes UTC with a Z', () => {
    expect(formatLogTime(ms, 'utc')).toBe('2026-01-02 03:04:05.006Z');
    expect(formatClock(ms, 'utc')).toBe('03:04:05');
  });
  it('writes local time in the same layout', () => {
    const d = new Date(ms);
    const expected = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')} ${String(d.getHours()).padStart(2, '0')}:04:05.006`;
    expect(formatLogTime(ms, 'local')).toBe(expected);
  });
});

describe('formatRelativeTime', () => {
  const now = Date.UTC(2026, 10, 25, 12, 0, 0);
  const cases = [
    { ago: 0, text: '0 s ago' },
    { ago: 59_999, text: '59 s ago' },
    { ago: 60_000, text: '1 min ago' },
    { ago: 59 * 60_000, text: '59 min ago' },
    { ago: 3 * 3_600_000 + 59 * 60_000, text: '3 h ago' },
    { ago: 49 * 3_600_000, text: '2 d ago' },
    // A container clock a little ahead of the browser's is not "in the future".
    { ago: -1_500, text: '0 s ago' },
  ];
  it.each(cases)('$ago ms before now is "$text", padded to one width', ({ ago, text }) => {
    const shown = formatRelativeTime(now - ago, now);
    expect(shown.trimStart()).toBe(text);
    expect(shown).toHaveLength(10);
  });
  it('is what formatLogTime shows for "relative", while markers keep the local clock', () => {
    expect(formatLogTime(now - 5_000, 'relative', now).trimStart()).toBe('5 s ago');
    expect(formatClock(now, 'relative')).toBe(formatClock(now, 'local'));
  });
});
