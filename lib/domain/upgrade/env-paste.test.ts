import { describe, expect, it } from 'vitest';
import { parseEnvPaste } from './env-paste';

describe('parseEnvPaste', () => {
  it('reads KEY=value lines, skipping blanks, comments and export', () => {
    const text = '# from .env\nDEBUG=1\n\nexport NAME="foo bar"\nSINGLE=\'a b\'\nEMPTY=\nURL=http://x/?a=b';
    expect(parseEnvPaste(text)).toEqual({
      entries: [
        { name: 'DEBUG', value: '1' },
        { name: 'NAME', value: 'foo bar' },
        { name: 'SINGLE', value: 'a b' },
        { name: 'EMPTY', value: '' },
        { name: 'URL', value: 'http://x/?a=b' },
      ],
      errors: [],
    });
  });

  it('lets a later line for the same name win, in the later position', () => {
    expect(parseEnvPaste('A=1\nB=2\nA=3').entries).toEqual([
      { name: 'B', value: '2' },
      { name: 'A', value: '3' },
    ]);
  });

  it('names the lines it cannot read and keeps the rest', () => {
    const result = parseEnvPaste('GOOD=1\nno equals sign\n=value\n1BAD=x\r\nALSO_GOOD=2');
    expect(result.entries.map((e) => e.name)).toEqual(['GOOD', 'ALSO_GOOD']);
    expect(result.errors.map((e) => e.line)).toEqual([2, 3, 4]);
    expect(result.errors[2]?.message).toContain('"1BAD" is not a variable name');
  });

  it('unescapes double-quoted values only', () => {
    expect(parseEnvPaste('A="say \\"hi\\""\nB=\'keep \\n\'').entries).toEqual([
      { name: 'A', value: 'say "hi"' },
      { name: 'B', value: 'keep \\n' },
    ]);
  });
});
