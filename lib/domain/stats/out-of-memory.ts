import type { StatsPoint } from './stats-point';
import { timestampMs } from './stats-rates';

/** Memory at or above this share of the limit counts as "at the limit": the kernel kills a little before 100 %. */
const nearLimit = 0.95;
/** Points further apart than this mean the container was not running in between. */
const stopGapMs = 3_000;

type MemoryPoint = Pick<StatsPoint, 'ts' | 'memBytes' | 'memLimitBytes'>;

const atLimit = (p: MemoryPoint) => p.memLimitBytes !== null && p.memBytes >= p.memLimitBytes * nearLimit;

/**
 * Whether a container's memory sat at its limit in its last point before it stopped: before a gap in
 * its points (it stopped and started again), or at the end when it is not running now.
 */
export function reachedMemoryLimitBeforeStop(points: readonly MemoryPoint[], isRunning: boolean): boolean {
  return points.some((p, i) => {
    const next = points[i + 1];
    const stoppedAfter = next ? timestampMs(next.ts) - timestampMs(p.ts) > stopGapMs : !isRunning;
    return stoppedAfter && atLimit(p);
  });
}

/**
 * Whether a container that stopped was probably killed for using too much memory: exit code 137
 * (SIGKILL, which the kernel's out-of-memory killer sends) or its memory at the limit when it stopped.
 */
export function likelyOutOfMemory(lastExitCode: number | null, points: readonly MemoryPoint[], isRunning: boolean): boolean {
  return lastExitCode === 137 || reachedMemoryLimitBeforeStop(points, isRunning);
}
