import { describe, expect, it } from 'vitest';
import { liveChannelState } from './live-changes';
import { refetchWhileBusy } from './refetch-interval';

describe('refetchWhileBusy', () => {
  it('polls every second while Rancher moves something, every 5 s otherwise while nothing is pushed', () => {
    expect(liveChannelState()).toBe('connecting');
    expect(refetchWhileBusy(true)).toBe(1_000);
    expect(refetchWhileBusy(false)).toBe(5_000);
    expect(refetchWhileBusy(undefined)).toBe(5_000);
  });

  it('tries again every 10 s by itself after a failed read, not every second even while something moves', () => {
    expect(refetchWhileBusy(true, true)).toBe(10_000);
    expect(refetchWhileBusy(false, true)).toBe(10_000);
  });
});
