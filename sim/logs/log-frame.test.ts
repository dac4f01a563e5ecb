import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../world/world-types';
import { lineFrames, logFrame, rfc3339Nano } from './log-frame';

const at = Date.UTC(2017, 5, 1, 12, 0, 0, 123);
const entry = (stream: LogEntry['stream'], text: string): LogEntry => ({ seq: -1, ms: at, nanos: 456789, stream, text });

describe('log frames', () => {
  it('stamps with nine fraction digits, as docker does', () => {
    expect(rfc3339Nano(at, 456789)).toBe('2017-06-01T12:00:00.123456789Z');
    expect(rfc3339Nano(at, 0)).toBe('2017-06-01T12:00:00.123000000Z');
  });

  it.each([
    ['stdout', false, '01 '],
    ['stderr', false, '02 '],
    ['stdout', true, '00 '],
    ['stderr', true, '00 '],
  ] as const)('%s (tty %s) frames start with %j', (stream, tty, prefix) => {
    expect(lineFrames([entry(stream, 'GET / 200')], tty)).toEqual([`${prefix}2017-06-01T12:00:00.123456789Z GET / 200\n`]);
  });

  it('holds several lines, each with its stamp, or none', () => {
    expect(logFrame([entry('stdout', 'a'), entry('stdout', 'b')], 'stdout', false)).toBe('01 2017-06-01T12:00:00.123456789Z a\n2017-06-01T12:00:00.123456789Z b\n');
    expect(logFrame([], 'stderr', false)).toBe('02 ');
  });
});
