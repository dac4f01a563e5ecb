import { describe, expect, it } from 'vitest';
import { defaultLogPreferences, parseLogPreferences } from './log-preferences';

describe('parseLogPreferences', () => {
  it('defaults to timestamps in local time, no wrap, both streams, 500 lines', () => {
    expect(parseLogPreferences(null)).toEqual({ timestamps: true, timeZone: 'local', wrap: false, streams: 'all', tail: '500' });
  });

  it('reads what was stored', () => {
    const stored = JSON.stringify({ timestamps: false, timeZone: 'utc', wrap: true, streams: 'stderr', tail: '1000' });
    expect(parseLogPreferences(stored)).toEqual({ timestamps: false, timeZone: 'utc', wrap: true, streams: 'stderr', tail: '1000' });
  });

  it('falls back field by field', () => {
    expect(parseLogPreferences(JSON.stringify({ wrap: true, tail: '42', streams: 7 }))).toEqual({ ...defaultLogPreferences, wrap: true });
    expect(parseLogPreferences('not json')).toEqual(defaultLogPreferences);
    expect(parseLogPreferences('"a string"')).toEqual(defaultLogPreferences);
  });
});
