'use client';

import { useId } from 'react';
import { metrics } from '@/lib/client/stats/stats-history';
import type { StatsSocketTarget } from '@/lib/client/stats/stats-socket-url';
import { useStatsStream } from '@/lib/client/stats/use-stats-stream';
import { StatsChart, type ChartContainer } from './stats-chart';

/**
 * Live CPU, memory, network and disk charts of a service (a line per container) or of one container,
 * kept for the last 5 minutes while the page is open.
 */
export function ResourceCharts({ target, containers, title }: { target: StatsSocketTarget; containers: readonly ChartContainer[]; title: string }) {
  const { history, status, reason } = useStatsStream(target);
  const waiting = status === 'live' && history.size === 0;
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className="space-y-2" data-testid="resource-charts">
      <div className="flex flex-wrap items-baseline gap-x-3">
        <h2 id={titleId} className="text-base font-semibold">
          {title}
        </h2>
        <p className="text-xs text-slate-600 dark:text-slate-400" role="status" data-testid="stats-status">
          {status === 'live' ? (waiting ? 'Waiting for the first points…' : 'Live, every second') : status === 'connecting' ? 'Connecting…' : `${status === 'reconnecting' ? 'Reconnecting' : 'Stopped'}: ${reason ?? ''}`}
        </p>
      </div>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
        {metrics.map((metric) => (
          <StatsChart key={metric.id} metric={metric} history={history} containers={containers} />
        ))}
      </div>
    </section>
  );
}
