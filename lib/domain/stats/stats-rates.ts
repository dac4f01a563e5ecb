import type { CounterSample, StatsPoint } from './stats-point';

// Rates from cumulative counters, computed once on the server: CPU % = Δ CPU ns / Δ t ns × 100 (at most
// 100 × the CPUs), KiB/s = Δ bytes / Δ t s / 1024. Two readings of the same container make a point.

/** A limit at or above this is cgroup's "no limit" (or the whole host), not one the owner set. */
const unlimitedFrom = 2 ** 60;
/** Readings further apart than this are not averaged: the container was stopped or Rancher was away. */
export const maxGapMs = 30_000;

/** Milliseconds since the epoch with the sub-millisecond digits kept; NaN when not a timestamp. */
export function timestampMs(ts: string): number {
  const match = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(ts);
  if (!match) return NaN;
  const fraction = match[2] ?? '';
  const whole = Date.parse(`${match[1]}.${fraction.slice(0, 3).padEnd(3, '0')}${match[3]}`);
  return whole + Number(`0.${fraction.slice(3) || '0'}`);
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/** The memory limit an owner can act on, or null when the container has none. */
export function memoryLimitOf(limit: number): number | null {
  return limit > 0 && limit < unlimitedFrom ? limit : null;
}

function countersFell(before: CounterSample, after: CounterSample): boolean {
  return (
    after.cpuTotalNs < before.cpuTotalNs || after.rxBytes < before.rxBytes || after.txBytes < before.txBytes || after.readBytes < before.readBytes || after.writeBytes < before.writeBytes
  );
}

/**
 * Turns readings into points, container by container. A reading makes no point when it is the first of
 * a container, a duplicate (same or older timestamp), the first after a restart (a counter fell back),
 * or the first after a long gap: each of those becomes the new baseline instead (duplicates excepted).
 */
export class StatsRates {
  private readonly last = new Map<string, { sample: CounterSample; atMs: number }>();

  next(sample: CounterSample): StatsPoint | null {
    const atMs = timestampMs(sample.ts);
    if (!Number.isFinite(atMs)) return null;
    const previous = this.last.get(sample.containerId);
    if (previous && atMs <= previous.atMs) return null;
    this.last.set(sample.containerId, { sample, atMs });
    if (!previous) return null;
    const dtMs = atMs - previous.atMs;
    if (dtMs > maxGapMs || countersFell(previous.sample, sample)) return null;
    const before = previous.sample;
    const perSecondKiB = (delta: number) => round(delta / (dtMs / 1000) / 1024, 2);
    const cpuPct = ((sample.cpuTotalNs - before.cpuTotalNs) / (dtMs * 1e6)) * 100;
    return {
      ts: sample.ts,
      containerId: sample.containerId,
      cpuPct: round(Math.min(cpuPct, 100 * Math.max(1, sample.cpuCount)), 1),
      memBytes: sample.memBytes,
      memLimitBytes: memoryLimitOf(sample.memLimitBytes),
      netRxKiBps: perSecondKiB(sample.rxBytes - before.rxBytes),
      netTxKiBps: perSecondKiB(sample.txBytes - before.txBytes),
      diskReadKiBps: perSecondKiB(sample.readBytes - before.readBytes),
      diskWriteKiBps: perSecondKiB(sample.writeBytes - before.writeBytes),
    };
  }
}
