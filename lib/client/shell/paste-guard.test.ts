import { describe, expect, it } from 'vitest';
import { checkPaste } from './paste-guard';

describe('checkPaste', () => {
  it.each([
    ['one word', 'hello', false, 1],
    ['one line with spaces', 'echo hello world', false, 1],
    ['a line ending in a line break (it would run at once)', 'rm -rf build\n', true, 1],
    ['two lines', 'cd /srv\nls', true, 2],
    ['Windows line endings', 'a\r\nb\r\nc\r\n', true, 3],
    ['old Mac line endings', 'a\rb', true, 2],
    ['an empty paste', '', false, 1],
  ])('%s', (_name, text, needsConfirmation, lineCount) => {
    const check = checkPaste(text);
    expect(check.needsConfirmation).toBe(needsConfirmation);
    expect(check.lineCount).toBe(lineCount);
  });

  it('previews the first five lines and counts the rest', () => {
    const text = Array.from({ length: 8 }, (_, i) => `line ${i + 1}`).join('\n');
    expect(checkPaste(text).preview).toBe('line 1\nline 2\nline 3\nline 4\nline 5\n… 3 more');
  });

  it('shortens very long lines in the preview', () => {
    const preview = checkPaste(`${'x'.repeat(300)}\ny`).preview.split('\n');
    expect(preview[0]).toHaveLength(121);
    expect(preview[0]?.endsWith('…')).toBe(true);
    expect(preview[1]).toBe('y');
  });
});
