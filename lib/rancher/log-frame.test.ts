import { describe, expect, it } from 'vitest';
import { parseLogFrame, sortableTs } from './log-frame';

describe('parseLogFrame', () => {
  const cases = [
    {
      name: 'one stdout line',
      frame: '01 2017-06-01T12:00:00.123456789Z GET /health 200\n',
      lines: [{ ts: '2017-06-01T12:00:00.123456789Z', stream: 'stdout', line: 'GET /health 200' }],
    },
    {
      name: 'stderr',
      frame: '02 2017-06-01T12:00:01.000000001Z WARN slow query\n',
      lines: [{ ts: '2017-06-01T12:00:01.000000001Z', stream: 'stderr', line: 'WARN slow query' }],
    },
    { name: 'tty combined', frame: '00 2017-06-01T12:00:02Z $ ls\n', lines: [{ ts: '2017-06-01T12:00:02Z', stream: 'tty', line: '$ ls' }] },
    {
      name: 'several lines, each stamped',
      frame: '01 2017-06-01T12:00:00.1Z a\n2017-06-01T12:00:00.2Z b\n',
      lines: [
        { ts: '2017-06-01T12:00:00.1Z', stream: 'stdout', line: 'a' },
        { ts: '2017-06-01T12:00:00.2Z', stream: 'stdout', line: 'b' },
      ],
    },
    {
      name: 'continuation line takes the stamp before it',
      frame: '02 2017-06-01T12:00:00.1Z Traceback:\n  File "app.py"\r\n',
      lines: [
        { ts: '2017-06-01T12:00:00.1Z', stream: 'stderr', line: 'Traceback:' },
        { ts: '2017-06-01T12:00:00.1Z', stream: 'stderr', line: '  File "app.py"' },
      ],
    },
    { name: 'empty frame', frame: '01 ', lines: [] },
    { name: 'unstamped line uses the fallback', frame: '01 hello\n', lines: [{ ts: 'T0', stream: 'stdout', line: 'hello' }] },
    { name: 'blank line inside a frame kept', frame: '01 2017-06-01T12:00:00Z a\n\n', lines: [{ ts: '2017-06-01T12:00:00Z', stream: 'stdout', line: 'a' }, { ts: '2017-06-01T12:00:00Z', stream: 'stdout', line: '' }] },
    { name: 'bracketed stamp (UI form)', frame: '01 [2017-06-01T12:00:00Z] x\n', lines: [{ ts: '2017-06-01T12:00:00Z', stream: 'stdout', line: 'x' }] },
  ] as const;
  it.each(cases)('$name', ({ frame, lines }) => {
    expect(parseLogFrame(frame, 'T0')).toEqual(lines);
  });
});

describe('sortableTs', () => {
  it('orders stamps whose fractions docker trimmed', () => {
    expect(sortableTs('2017-06-01T12:00:00.1Z') > sortableTs('2017-06-01T12:00:00.09Z')).toBe(true);
    expect(sortableTs('2017-06-01T12:00:01Z') > sortableTs('2017-06-01T12:00:00.999999999Z')).toBe(true);
    expect(sortableTs('2017-06-01T12:00:00.5Z')).toBe(sortableTs('2017-06-01T12:00:00.500000000Z'));
  });
});
