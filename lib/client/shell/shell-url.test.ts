import { describe, expect, it } from 'vitest';
import { clampDimension, shellSocketUrl } from './shell-url';

describe('shellSocketUrl', () => {
  it('uses ws on http pages and wss on https pages, on the same host', () => {
    expect(shellSocketUrl({ protocol: 'http:', host: '127.0.0.1:3000' }, '1i7', { cols: 80, rows: 24 })).toBe(
      'ws://127.0.0.1:3000/api/v1/containers/1i7/shell?cols=80&rows=24',
    );
    expect(shellSocketUrl({ protocol: 'https:', host: 'portal.example' }, '1i7', { cols: 100, rows: 30 })).toBe(
      'wss://portal.example/api/v1/containers/1i7/shell?cols=100&rows=30',
    );
  });

  it('escapes the container id so it cannot change the path', () => {
    expect(shellSocketUrl({ protocol: 'http:', host: 'h' }, '../x?y', { cols: 1, rows: 1 })).toBe('ws://h/api/v1/containers/..%2Fx%3Fy/shell?cols=1&rows=1');
  });

  it.each([
    [0, 1],
    [-5, 1],
    [80.4, 80],
    [5000, 1000],
    [Number.NaN, 1],
  ])('clamps %s to %s', (value, expected) => {
    expect(clampDimension(value)).toBe(expected);
  });
});
