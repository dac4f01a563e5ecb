import { describe, expect, it } from 'vitest';
import { HostAccessTokens } from './host-access-tokens';

describe('HostAccessTokens', () => {
  it('verifies a token for its purpose until it expires', () => {
    let now = 1_000_000;
    const tokens = new HostAccessTokens(() => 300, () => now);
    const token = tokens.issue({ purpose: 'logs', containerId: '1i1', follow: true, lines: 100, since: null });
    expect(tokens.verify(token, 'logs')).toMatchObject({ containerId: '1i1' });
    expect(tokens.verify(token, 'logs')).not.toBeNull();
    expect(tokens.verify(token, 'exec')).toBeNull();
    expect(tokens.verify('forged', 'logs')).toBeNull();
    expect(tokens.verify(null, 'logs')).toBeNull();
    now += 300_000;
    expect(tokens.verify(token, 'logs')).toBeNull();
  });
});
