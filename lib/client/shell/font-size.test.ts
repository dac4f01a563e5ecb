import { describe, expect, it } from 'vitest';
import { clampFontSize, defaultFontSize, maxFontSize, minFontSize, parseStoredFontSize, stepFontSize } from './font-size';

describe('font size', () => {
  it.each([
    [9, 10],
    [10, 10],
    [17.6, 18],
    [24, 24],
    [40, 24],
    [Number.POSITIVE_INFINITY, defaultFontSize],
  ])('clamps %s to %s', (size, expected) => {
    expect(clampFontSize(size)).toBe(expected);
  });

  it('steps by one pixel and stops at the limits', () => {
    expect(stepFontSize(14, 1)).toBe(15);
    expect(stepFontSize(14, -1)).toBe(13);
    expect(stepFontSize(maxFontSize, 1)).toBe(maxFontSize);
    expect(stepFontSize(minFontSize, -1)).toBe(minFontSize);
  });

  it.each([
    [null, defaultFontSize],
    ['', defaultFontSize],
    ['abc', defaultFontSize],
    ['16', 16],
    [' 20 ', 20],
    ['3', minFontSize],
    ['99', maxFontSize],
    ['-12', defaultFontSize],
  ])('reads the saved value %j as %s', (raw, expected) => {
    expect(parseStoredFontSize(raw)).toBe(expected);
  });
});
