import { describe, expect, it } from 'vitest';
import { lineSeverity } from './line-severity';

describe('lineSeverity', () => {
  const cases = [
    { line: '2026/11/25 13:37:00 [error] 7#7: *1 open() failed', severity: 'error' },
    { line: 'ERROR com.example.App - connection refused', severity: 'error' },
    { line: 'panic: runtime error: index out of range', severity: 'error' },
    { line: 'CRITICAL worker died', severity: 'error' },
    { line: '[warn] 1#1: low disk', severity: 'warning' },
    { line: 'WARNING: deprecated option', severity: 'warning' },
    { line: '10.42.0.7 - - "GET /errors HTTP/1.1" 200', severity: null },
    { line: 'terrorist warnings are words, not levels', severity: null },
  ] as const;
  it.each(cases)('$line', ({ line, severity }) => {
    expect(lineSeverity(line)).toBe(severity);
  });

  it('reads only the head of a very long line', () => {
    expect(lineSeverity(`${'x '.repeat(200)}ERROR`)).toBeNull();
  });
});
