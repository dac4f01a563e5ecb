import { describe, expect, it } from 'vitest';
import { compareLogTime, formatClock, formatLogTime, parseLogTime } from './log-time';

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
