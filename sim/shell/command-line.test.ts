import { describe, expect, it } from 'vitest';
import { parseCommandLine } from './command-line';

const vars = (name: string) => ({ HOME: '/home/fred', '?': '1', APP: 'foo' })[name] ?? '';

describe('parseCommandLine', () => {
  it.each([
    ['ls -l /etc', [['ls', '-l', '/etc']]],
    ['echo "hi $APP" \'$APP\' ${HOME}/x', [['echo', 'hi foo', '$APP', '/home/fred/x']]],
    ['cd /tmp && pwd; echo $?', [['cd', '/tmp'], ['pwd'], ['echo', '1']]],
    ['echo a\\ b # comment', [['echo', 'a b']]],
    ['   ', []],
  ])('%s', (line, expected) => {
    const parsed = parseCommandLine(line, vars);
    expect(parsed.ok && parsed.commands.map((c) => c.argv)).toEqual(expected);
  });

  it('records how commands join', () => {
    const parsed = parseCommandLine('false || echo a && echo b', vars);
    expect(parsed.ok && parsed.commands.map((c) => c.join)).toEqual([';', '||', '&&']);
  });

  it.each(['cat /etc/passwd | wc -l', 'echo hi > /tmp/x', 'echo "open'])('refuses %s', (line) => {
    expect(parseCommandLine(line, vars).ok).toBe(false);
  });
});
