import { describe, expect, it } from 'vitest';
import { likelyOutOfMemory, reachedMemoryLimitBeforeStop } from './out-of-memory';

const limit = 256 * 1024 * 1024;

function at(second: number, share: number, memLimitBytes: number | null = limit) {
  return { ts: new Date(Date.UTC(2026, 11, 7, 6, 0, second)).toISOString(), memBytes: Math.round(limit * share), memLimitBytes };
}

describe('reachedMemoryLimitBeforeStop', () => {
  it('sees memory at the limit just before a restart (a gap in the points)', () => {
    expect(reachedMemoryLimitBeforeStop([at(0, 0.3), at(1, 0.7), at(2, 0.99), at(8, 0.2), at(9, 0.4)], true)).toBe(true);
  });

  it('sees memory at the limit in the last point of a container that is not running', () => {
    expect(reachedMemoryLimitBeforeStop([at(0, 0.5), at(1, 0.97)], false)).toBe(true);
    expect(reachedMemoryLimitBeforeStop([at(0, 0.5), at(1, 0.97)], true)).toBe(false);
  });

  it('ignores a container near its limit that kept running, one that stopped well below it, and one without a limit', () => {
    expect(reachedMemoryLimitBeforeStop([at(0, 0.99), at(1, 0.99), at(2, 0.5)], true)).toBe(false);
    expect(reachedMemoryLimitBeforeStop([at(0, 0.3), at(9, 0.3)], false)).toBe(false);
    expect(reachedMemoryLimitBeforeStop([at(0, 5, null)], false)).toBe(false);
  });
});

describe('likelyOutOfMemory', () => {
  it('takes exit code 137 as the kernel’s kill, even without points', () => {
    expect(likelyOutOfMemory(137, [], true)).toBe(true);
    expect(likelyOutOfMemory(1, [], false)).toBe(false);
    expect(likelyOutOfMemory(1, [at(0, 0.99)], false)).toBe(true);
  });
});
