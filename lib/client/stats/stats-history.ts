import type { StatsPoint } from '@/lib/domain/stats/stats-point';

// The browser's memory of a stats socket: the last 5 minutes of points per container, and what the
// charts and their text summaries read from it.

export const historyMs = 5 * 60_000;

export type StatsHistory = ReadonlyMap<string, readonly StatsPoint[]>;

export type MetricId = 'cpu' | 'memory' | 'network' | 'disk';

export interface MetricSpec {
  id: MetricId;
  label: string;
  unit: string;
  value(point: StatsPoint): number;
}

const mib = 1024 * 1024;

export const metrics: readonly MetricSpec[] = [
  { id: 'cpu', label: 'CPU', unit: '%', value: (p) => p.cpuPct },
  { id: 'memory', label: 'Memory', unit: 'MiB', value: (p) => p.memBytes / mib },
  { id: 'network', label: 'Network in + out', unit: 'KiB/s', value: (p) => p.netRxKiBps + p.netTxKiBps },
  { id: 'disk', label: 'Disk read + write', unit: 'KiB/s', value: (p) => p.diskReadKiBps + p.diskWriteKiBps },
];

export function metricById(id: MetricId): MetricSpec {
  return metrics.find((m) => m.id === id) ?? (metrics[0] as MetricSpec);
}

const timeOf = (p: StatsPoint) => Date.parse(p.ts);

/**
 * The history with `points` added, each container's list in time order and cut to the last
 * `historyMs` before its newest point. Lists that did not change are shared, not copied.
 */
export function addPoints(history: StatsHistory, points: readonly StatsPoint[], keepMs = historyMs): StatsHistory {
  if (points.length === 0) return history;
  const next = new Map(history);
  for (const point of points) {
    const list = [...(next.get(point.containerId) ?? []), point];
    const newest = Math.max(...list.slice(-2).map(timeOf));
    next.set(point.containerId, list.filter((p) => timeOf(p) > newest - keepMs));
  }
  return next;
}

export interface MetricSummary {
  current: number;
  min: number;
  max: number;
}

/** Current (newest), lowest and highest value of one metric over a container's points; null with none. */
export function summarize(points: readonly StatsPoint[], metric: MetricSpec): MetricSummary | null {
  const last = points.at(-1);
  if (!last) return null;
  const values = points.map((p) => metric.value(p));
  return { current: metric.value(last), min: Math.min(...values), max: Math.max(...values) };
}

/**
 * uPlot's aligned data: the seconds seen by any container, then one column per container with null
 * where it had no point that second (a restart, a point dropped for a slow connection).
 */
export function alignedSeries(history: StatsHistory, containerIds: readonly string[], metric: MetricSpec): [number[], ...(number | null)[][]] {
  const seconds = new Set<number>();
  const bySecond = containerIds.map((id) => {
    const values = new Map<number, number>();
    for (const p of history.get(id) ?? []) {
      const second = Math.round(timeOf(p) / 1000);
      seconds.add(second);
      values.set(second, metric.value(p));
    }
    return values;
  });
  const xs = [...seconds].sort((a, b) => a - b);
  return [xs, ...bySecond.map((values) => xs.map((x) => values.get(x) ?? null))];
}

/** A value as the summaries print it: 3 significant digits at most, no exponent. */
export function formatValue(value: number, unit: string): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${unit}`;
}
