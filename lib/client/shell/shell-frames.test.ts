import { describe, expect, it } from 'vitest';
import { decodeShellFrame, encodeBinaryInput, encodeKeystrokes, resizeMessage } from './shell-frames';

describe('decodeShellFrame', () => {
  it('reads binary frames as output bytes', () => {
    const bytes = new TextEncoder().encode('hello\r\n');
    expect(decodeShellFrame(bytes.buffer)).toEqual({ kind: 'output', bytes });
  });

  it('reads a view into a larger buffer without the bytes around it', () => {
    const whole = new Uint8Array([1, 2, 3, 4, 5]);
    const frame = decodeShellFrame(whole.subarray(1, 3));
    expect(frame?.kind === 'output' && Array.from(frame.bytes)).toEqual([2, 3]);
  });

  it.each([
    ['ready bash', { type: 'ready', shell: 'bash', idleTimeoutMs: 1_800_000, maxSessionMs: 28_800_000 }],
    ['ready sh', { type: 'ready', shell: 'sh', idleTimeoutMs: 1, maxSessionMs: 2 }],
    ['warning', { type: 'warning', message: 'This shell closes in one minute unless you type something.' }],
    ['exit', { type: 'exit', code: 0 }],
    ['error', { type: 'error', message: 'The shell could not be opened: boom' }],
  ])('reads the %s control message', (_name, message) => {
    expect(decodeShellFrame(JSON.stringify(message))).toEqual({ kind: 'control', message });
  });

  it.each([
    ['not JSON', 'hello'],
    ['an unknown type', JSON.stringify({ type: 'party' })],
    ['a ready without its limits', JSON.stringify({ type: 'ready', shell: 'bash' })],
    ['an unknown shell', JSON.stringify({ type: 'ready', shell: 'zsh', idleTimeoutMs: 1, maxSessionMs: 1 })],
    ['a number', 42],
    ['a Blob-like object', { size: 3 }],
  ])('ignores %s', (_name, data) => {
    expect(decodeShellFrame(data)).toBeNull();
  });
});

describe('encoding input', () => {
  it('sends keystrokes as UTF-8', () => {
    expect(Array.from(encodeKeystrokes('é\r'))).toEqual([0xc3, 0xa9, 0x0d]);
  });

  it('keeps binary input one byte per character', () => {
    expect(Array.from(encodeBinaryInput('\x1b[M\xff'))).toEqual([0x1b, 0x5b, 0x4d, 0xff]);
  });

  it('writes the resize control message the relay expects', () => {
    expect(JSON.parse(resizeMessage(132, 43))).toEqual({ type: 'resize', cols: 132, rows: 43 });
  });
});
