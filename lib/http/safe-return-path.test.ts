import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './safe-return-path';

describe('safeReturnPath', () => {
  it.each([
    ['/stacks/1st5?tab=logs', '/stacks/1st5?tab=logs'],
    [undefined, '/'],
    ['', '/'],
    ['https://evil.example/', '/'],
    ['//evil.example/', '/'],
    ['/\\evil.example', '/'],
    ['/ok\nSet-Cookie: x', '/'],
    ['stacks', '/'],
  ])('%j -> %j', (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });
});
