import { describe, expect, it } from 'vitest';
import { requestIdFrom } from './request-id';

describe('requestIdFrom', () => {
  it('keeps a sane caller id', () => {
    expect(requestIdFrom('ci-build-42.retry:1')).toBe('ci-build-42.retry:1');
  });

  it.each([undefined, '', 'a b', 'x'.repeat(129), 'line\nbreak', '<script>'])('replaces %j with a fresh uuid', (value) => {
    expect(requestIdFrom(value)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
