import { describe, expect, it } from 'vitest';
import { isTransitional } from './transitional-state';

describe('isTransitional', () => {
  it.each([
    ['restarting', true],
    ['starting', true],
    ['upgrading', true],
    ['running', false],
    ['active', false],
    ['upgraded', false],
    ['stopped', false],
  ])('%s -> %s', (state, expected) => {
    expect(isTransitional(state)).toBe(expected);
  });
});
