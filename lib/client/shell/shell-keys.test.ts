import { describe, expect, it } from 'vitest';
import { classifyShellKey, type KeyChord } from './shell-keys';

function chord(key: string, mods: Partial<KeyChord> = {}): KeyChord {
  return { type: 'keydown', key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods };
}

describe('classifyShellKey', () => {
  it.each([
    ['Ctrl+Shift+C copies', chord('C', { ctrlKey: true, shiftKey: true }), 'copy'],
    ['⌘+Shift+C copies', chord('c', { metaKey: true, shiftKey: true }), 'copy'],
    ['Ctrl+Shift+V pastes', chord('V', { ctrlKey: true, shiftKey: true }), 'paste'],
    ['Ctrl+= makes text larger', chord('=', { ctrlKey: true }), 'larger-text'],
    ['Ctrl+Shift++ makes text larger', chord('+', { ctrlKey: true, shiftKey: true }), 'larger-text'],
    ['⌘+- makes text smaller', chord('-', { metaKey: true }), 'smaller-text'],
    ['Ctrl+Shift+X leaves the terminal', chord('X', { ctrlKey: true, shiftKey: true }), 'leave-terminal'],
  ])('%s', (_name, event, action) => {
    expect(classifyShellKey(event)).toBe(action);
  });

  it.each([
    ['Ctrl+C (interrupt) goes to the shell', chord('c', { ctrlKey: true })],
    ['Ctrl+V goes to the shell', chord('v', { ctrlKey: true })],
    ['Ctrl+D goes to the shell', chord('d', { ctrlKey: true })],
    ['plain letters go to the shell', chord('x')],
    ['Escape goes to the shell', chord('Escape')],
    ['Tab goes to the shell', chord('Tab')],
    ['Alt chords go to the shell', chord('c', { ctrlKey: true, shiftKey: true, altKey: true })],
    ['key releases are not actions', { ...chord('C', { ctrlKey: true, shiftKey: true }), type: 'keyup' }],
  ])('%s', (_name, event) => {
    expect(classifyShellKey(event)).toBeNull();
  });
});
