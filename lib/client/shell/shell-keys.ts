/** What a key chord pressed inside the terminal does instead of reaching the shell. */
export type ShellKeyAction = 'copy' | 'paste' | 'larger-text' | 'smaller-text' | 'leave-terminal';

export interface KeyChord {
  type: string;
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/**
 * The one escape chord that moves focus out of the terminal (ux.md S6). Every other key goes to the
 * container, except the copy, paste and text-size chords below, which Ctrl alone would turn into
 * control characters nobody types on purpose (Shift changes nothing in a control code).
 */
export const leaveTerminalChord = 'Ctrl+Shift+X';

/** Lists the chords for the panel's help text, in the order a user looks for them. */
export const shellKeyHelp: readonly { keys: string; does: string }[] = [
  { keys: 'Ctrl+Shift+C', does: 'copy the selection' },
  { keys: 'Ctrl+Shift+V', does: 'paste' },
  { keys: 'Ctrl+= / Ctrl+-', does: 'larger or smaller text' },
  { keys: leaveTerminalChord, does: 'leave the terminal (keyboard focus)' },
];

/**
 * The portal's own meaning of a keydown in the terminal, or null when the key belongs to the shell.
 * Ctrl and ⌘ are the same here, so the chords work on macOS too.
 */
export function classifyShellKey(event: KeyChord): ShellKeyAction | null {
  if (event.type !== 'keydown' || event.altKey) return null;
  const command = event.ctrlKey || event.metaKey;
  if (!command) return null;
  const key = event.key.toLowerCase();
  if (event.shiftKey && key === 'c') return 'copy';
  if (event.shiftKey && key === 'v') return 'paste';
  if (event.shiftKey && key === 'x') return 'leave-terminal';
  if (key === '=' || key === '+') return 'larger-text';
  if (key === '-' || key === '_') return 'smaller-text';
  return null;
}
