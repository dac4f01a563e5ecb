import { describe, expect, it } from 'vitest';
import { isSameOrigin } from './origin';

describe('isSameOrigin', () => {
  const allowed = ['https://portal.spin.nersc.gov'];
  it.each([
    ['http://127.0.0.1:3000', '127.0.0.1:3000', true],
    ['https://portal.spin.nersc.gov', 'internal-lb:8080', true],
    ['http://evil.example', '127.0.0.1:3000', false],
    ['http://127.0.0.1:3001', '127.0.0.1:3000', false],
    ['null', '127.0.0.1:3000', false],
    [undefined, '127.0.0.1:3000', false],
    ['not a url', '127.0.0.1:3000', false],
    ['file://127.0.0.1:3000', '127.0.0.1:3000', false],
  ])('origin %s with host %s -> %s', (origin, host, expected) => {
    expect(isSameOrigin(origin, host, allowed)).toBe(expected);
  });
});
