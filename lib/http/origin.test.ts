import { describe, expect, it } from 'vitest';
import { isAllowedOrigin } from './origin';

describe('isAllowedOrigin', () => {
  const allowed = ['https://portal.spin.nersc.gov', 'http://127.0.0.1:3000/'];
  it.each([
    ['https://portal.spin.nersc.gov', true],
    ['http://127.0.0.1:3000', true],
    ['http://portal.spin.nersc.gov', false],
    ['https://portal.spin.nersc.gov:8443', false],
    ['http://evil.example', false],
    ['http://127.0.0.1:3001', false],
    ['null', false],
    [undefined, false],
    ['not a url', false],
    ['file://127.0.0.1:3000', false],
  ])('origin %s -> %s', (origin, expected) => {
    expect(isAllowedOrigin(origin, allowed)).toBe(expected);
  });
});
