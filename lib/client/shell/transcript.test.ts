import { describe, expect, it } from 'vitest';
import { dimmedTranscript, newSessionLine } from './transcript';

const dimmed = (text: string) => `\x1b[0m\x1b[2m${text}\x1b[22m\r\n`;

describe('dimmedTranscript', () => {
  it('keeps earlier output dimmed above the new-session line', () => {
    const lines = [
      { text: '$ echo hello   ', isWrapped: false },
      { text: 'hello', isWrapped: false },
      { text: '', isWrapped: false },
      { text: '   ', isWrapped: false },
    ];
    expect(dimmedTranscript(lines)).toBe(dimmed('$ echo hello\r\nhello') + dimmed(newSessionLine));
  });

  it('joins wrapped rows back into one line so it re-wraps at the new width', () => {
    const lines = [
      { text: 'abcde', isWrapped: false },
      { text: 'fgh', isWrapped: true },
      { text: 'next', isWrapped: false },
    ];
    expect(dimmedTranscript(lines)).toBe(dimmed('abcdefgh\r\nnext') + dimmed(newSessionLine));
  });

  it('writes nothing, not even the divider, when the screen was empty', () => {
    expect(dimmedTranscript([{ text: '', isWrapped: false }, { text: '  ', isWrapped: false }])).toBe('');
  });

  it('uses the exact divider text the user sees', () => {
    expect(newSessionLine).toBe('— new session —');
  });
});
