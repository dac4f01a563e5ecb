import { shellServerMessage, type ShellServerMessage } from '@/lib/domain/sockets/shell-frames';

export type { ShellServerMessage };

export type ShellFrame = { kind: 'output'; bytes: Uint8Array } | { kind: 'control'; message: ShellServerMessage };

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Reads one websocket frame: binary frames are terminal output, text frames control messages. A text
 * frame that is not a known control message is ignored (null) rather than printed, so a newer server's
 * extra messages never garble the screen.
 */
export function decodeShellFrame(data: unknown): ShellFrame | null {
  if (data instanceof ArrayBuffer) return { kind: 'output', bytes: new Uint8Array(data) };
  if (ArrayBuffer.isView(data)) return { kind: 'output', bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  if (typeof data !== 'string') return null;
  const message = shellServerMessage.safeParse(parseJson(data));
  return message.success ? { kind: 'control', message: message.data } : null;
}

/** The text frame that tells the relay the terminal's new size. */
export function resizeMessage(cols: number, rows: number): string {
  return JSON.stringify({ type: 'resize', cols, rows });
}

const encoder = new TextEncoder();

/** Keystrokes and pastes (xterm's onData, UTF-16 text) as the UTF-8 bytes of a binary frame. */
export function encodeKeystrokes(text: string): Uint8Array {
  return encoder.encode(text);
}

/** xterm's onBinary data (one byte per character, e.g. some mouse reports) as raw bytes. */
export function encodeBinaryInput(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  return bytes;
}
