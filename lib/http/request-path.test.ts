import { describe, expect, it } from 'vitest';
import { isPlainPath, pathOf } from './request-path';

describe('request paths', () => {
  it.each([
    ['/api/v1/stacks/1st5', true],
    ['/api/v1/stacks/foo%20bar', true],
    ['/api/v1/stacks/%E0%A4%A8', true],
    ['/api/v1/stacks/%zz', false],
    ['/api/v1/stacks/1st%E0%A4%A', false],
    ['/api/v1/stacks/%', false],
    ['*', false],
    ['http://evil.example/api/v1/stacks', false],
  ])('%s is a plain path: %s', (path, expected) => {
    expect(isPlainPath(path)).toBe(expected);
  });

  it('drops the query', () => {
    expect(pathOf('/api/v1/stacks?x=%zz')).toBe('/api/v1/stacks');
    expect(pathOf(undefined)).toBe('/');
  });
});
