import type { MetricSpec, StatsHistory } from '@/lib/client/stats/stats-history';
import { StatsChart } from './stats-chart';

const mib = 1024 * 1024;

/**
 * The crash card's memory part: the container was probably killed for running out of memory, its
 * memory chart around the exits, and what to do about it.
 */
export function OutOfMemoryHelp({ container, history, metric }: { container: { id: string; name: string }; history: StatsHistory; metric: MetricSpec }) {
  const limit = history.get(container.id)?.findLast((p) => p.memLimitBytes !== null)?.memLimitBytes ?? null;
  return (
    <div className="space-y-2" data-testid="crash-out-of-memory">
      <p className="text-sm">
        <strong>Probably killed for running out of memory.</strong>{' '}
        {limit ? `Its memory climbs to its limit of ${Math.round(limit / mib)} MiB and the kernel stops it there (exit code 137).` : 'Exit code 137 is the kill the kernel sends a container that runs out of memory.'}
      </p>
      <StatsChart metric={metric} history={history} containers={[container]} height={100} />
      <p className="text-sm">
        If the application really needs more, raise its memory limit (<span className="font-mono">memory</span> in the upgrade form’s advanced settings); if its memory
        only ever grows, look for what keeps it (a cache or a queue that is never emptied).
      </p>
    </div>
  );
}
