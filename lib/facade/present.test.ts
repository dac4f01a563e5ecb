import { describe, expect, it } from 'vitest';
import { portalText } from './present';

describe('portalText', () => {
  it('points Rancher’s API and socket links at the portal, and leaves other addresses alone', () => {
    const body = { a: 'http://10.0.0.5:8080/v2-beta/projects/1a5/services/1s1', b: 'ws://10.0.0.5:8080/v2-beta/projects/1a5/subscribe', c: 'http://10.0.0.5:8080/v1-catalog/templates', d: 'http://10.0.0.5:8080/other' };
    expect(JSON.parse(portalText(body, 'http://10.0.0.5:8080', 'https://portal.example'))).toEqual({
      a: 'https://portal.example/v2-beta/projects/1a5/services/1s1',
      b: 'wss://portal.example/v2-beta/projects/1a5/subscribe',
      c: 'https://portal.example/v1-catalog/templates',
      d: 'http://10.0.0.5:8080/other',
    });
  });
});
