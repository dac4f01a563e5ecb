/** One row of the terminal's buffer, as xterm reports it. */
export interface TranscriptLine {
  text: string;
  /** Whether this row continues the row above (a long line the terminal wrapped). */
  isWrapped: boolean;
}

export const newSessionLine = '— new session —';

// SGR 2 (faint) and 22 (normal intensity); 0 first so earlier colours do not leak into the copy.
const dim = '\x1b[0m\x1b[2m';
const undim = '\x1b[22m';

/**
 * What to write into a freshly reset terminal so an earlier session's output stays on screen, dimmed,
 * above the "— new session —" line (ux.md S4). Colours are dropped: only the text is kept, joined back
 * into logical lines so it re-wraps at the new width. Blank rows after the last output are left out,
 * and a screen with nothing on it needs no divider (empty string).
 */
export function dimmedTranscript(lines: readonly TranscriptLine[]): string {
  const logical: string[] = [];
  for (const line of lines) {
    const last = logical.length - 1;
    if (line.isWrapped && last >= 0) logical[last] += line.text;
    else logical.push(line.text);
  }
  while (logical.length > 0 && logical[logical.length - 1]?.trim() === '') logical.pop();
  const earlier = logical.map((line) => line.trimEnd());
  if (earlier.length === 0) return '';
  return `${dim}${earlier.join('\r\n')}${undim}\r\n${dim}${newSessionLine}${undim}\r\n`;
}
