export interface PasteCheck {
  /** Whether to ask before sending: a line break runs a command as soon as it arrives. */
  needsConfirmation: boolean;
  /** Lines the shell would see, counting a last line without a line break. */
  lineCount: number;
  /** The first lines, for the question shown to the user. */
  preview: string;
}

const previewLines = 5;
const previewWidth = 120;

/**
 * Looks at text about to be pasted into the shell. A single line without a line break is sent at once;
 * anything with a line break (even one at the end) would run unseen, so the user is asked first (ux.md S3).
 */
export function checkPaste(text: string): PasteCheck {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const hasBreak = /[\r\n]/.test(text);
  const shown = lines.slice(0, previewLines).map((line) => (line.length > previewWidth ? `${line.slice(0, previewWidth)}…` : line));
  if (lines.length > previewLines) shown.push(`… ${lines.length - previewLines} more`);
  return { needsConfirmation: hasBreak, lineCount: lines.length, preview: shown.join('\n') };
}
