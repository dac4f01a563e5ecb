import { formatValue, summarize, type MetricSpec, type StatsHistory } from '@/lib/client/stats/stats-history';

const mib = 1024 * 1024;

/** A chart's numbers in words: per container, the value now, the lowest and highest, and its memory limit. */
export function StatsSummary({ metric, history, containers }: { metric: MetricSpec; history: StatsHistory; containers: readonly { id: string; name: string }[] }) {
  return (
    <ul className="mt-2 space-y-0.5 text-xs text-slate-700 dark:text-slate-300" data-testid={`stats-summary-${metric.id}`}>
      {containers.map((c) => {
        const points = history.get(c.id) ?? [];
        const summary = summarize(points, metric);
        const limit = points.at(-1)?.memLimitBytes;
        return (
          <li key={c.id} className="break-words">
            <span className="font-mono">{c.name}</span>:{' '}
            {summary ? (
              <>
                now {formatValue(summary.current, metric.unit)}, min {formatValue(summary.min, metric.unit)}, max {formatValue(summary.max, metric.unit)}
                {metric.id === 'memory' ? <>, {limit ? `limit ${formatValue(limit / mib, 'MiB')}` : 'no memory limit'}</> : null}
              </>
            ) : (
              'no points yet (not running?)'
            )}
          </li>
        );
      })}
    </ul>
  );
}
