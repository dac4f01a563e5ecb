import { describe, expect, it } from 'vitest';
import { parseLogSocketFrame } from './log-socket-frame';
import { logSocketUrl } from './log-socket-url';

describe('parseLogSocketFrame', () => {
  it('reads a line frame', () => {
    const frame = parseLogSocketFrame('{"ts":"2026-11-25T13:37:00.1Z","stream":"stderr","line":"boom"}');
    expect(frame).toEqual({ ts: '2026-11-25T13:37:00.1Z', stream: 'stderr', line: 'boom' });
  });
  it('reads a dropped frame', () => {
    expect(parseLogSocketFrame('{"type":"dropped","count":42}')).toEqual({ type: 'dropped', count: 42 });
  });
  it.each([
    ['not JSON', 'hello'],
    ['a binary frame', new Uint8Array([1, 2])],
    ['an unknown stream', '{"ts":"x","stream":"stdin","line":"a"}'],
    ['a line without text', '{"ts":"x","stream":"stdout"}'],
    ['a negative drop count', '{"type":"dropped","count":-1}'],
    ['another type', '{"type":"exit","code":0}'],
  ])('skips %s', (_name, data) => {
    expect(parseLogSocketFrame(data)).toBeNull();
  });
});

describe('logSocketUrl', () => {
  it('follows the page scheme and escapes the id', () => {
    expect(logSocketUrl({ protocol: 'https:', host: 'portal.example' }, '1i5', '500')).toBe('wss://portal.example/api/v1/containers/1i5/logs?tail=500&follow=1');
    expect(logSocketUrl({ protocol: 'http:', host: '127.0.0.1:3000' }, 'a/b', 'all')).toBe('ws://127.0.0.1:3000/api/v1/containers/a%2Fb/logs?tail=all&follow=1');
  });
});
