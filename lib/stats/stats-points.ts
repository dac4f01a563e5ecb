import 'server-only';
import type { StatsPoint } from '@/lib/domain/stats/stats-point';
import { StatsRates } from '@/lib/domain/stats/stats-rates';
import type { RancherBackend, StatsTarget } from '@/lib/rancher/backend';

/**
 * Points of a container or service, a frame of Rancher readings at a time: rates are computed here,
 * once, so the browser receives small finished points instead of raw counters.
 */
export async function* followStatsPoints(backend: RancherBackend, target: StatsTarget, signal: AbortSignal): AsyncGenerator<StatsPoint[]> {
  const rates = new StatsRates();
  for await (const samples of backend.openStats(target, { signal })) {
    const points = samples.flatMap((sample) => rates.next(sample) ?? []);
    if (points.length > 0) yield points;
  }
}
