'use client';

import { useState } from 'react';
import { useActivity } from '@/lib/client/queries/use-activity';
import { QueryError } from '@/components/stacks/query-error';
import { ActivityItem } from './activity-item';
import { foldViews, isViewAction, type TimelineRow } from './fold-views';
import { Button } from '@/components/ui/button';

interface ActivityTimelineProps {
  stackId?: string;
  /** On a service page: that service's rows only. */
  serviceId?: string;
  /** The filters a person chose (staff's activity page); an empty result then says nothing matched. */
  filter?: URLSearchParams;
  showStack?: boolean;
}

function scopedFilter(filter: URLSearchParams | undefined, serviceId: string | undefined): URLSearchParams | undefined {
  if (!serviceId) return filter;
  const scoped = new URLSearchParams(filter);
  scoped.set('serviceId', serviceId);
  return scoped;
}

/**
 * Who did what on a stack or service (or, for staff, everywhere), newest first, refreshed every few
 * seconds. Log and shell opens and closes are folded into one expandable row per run, unless they are
 * what the filter asks for.
 */
export function ActivityTimeline({ stackId, serviceId, filter, showStack }: ActivityTimelineProps) {
  const query = useActivity({ stackId, filter: scopedFilter(filter, serviceId) });
  const [exactTimes, setExactTimes] = useState(false);
  const events = query.data?.pages.flatMap((p) => p.events) ?? [];
  const rows: TimelineRow[] = isViewAction(filter?.get('action') ?? '') ? events.map((event) => ({ kind: 'event', event })) : foldViews(events);
  const isFiltered = filter !== undefined && filter.size > 0;
  return (
    <div className="space-y-2">
      <label className="flex items-center gap-2 text-sm text-slate-700 dark:text-slate-300">
        <input type="checkbox" checked={exactTimes} onChange={(e) => setExactTimes(e.target.checked)} />
        Show exact times
      </label>
      {query.error ? <QueryError error={query.error} onRetry={() => void query.refetch()} isRetrying={query.isFetching} /> : null}
      {query.isPending ? <div className="h-16 animate-pulse rounded bg-slate-100 dark:bg-slate-900" aria-label="Loading activity" /> : null}
      {!query.isPending && !query.error && events.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{isFiltered ? 'No matching activity.' : 'Nothing recorded yet.'}</p>
      ) : null}
      <ol className="divide-y divide-slate-200 dark:divide-slate-800" aria-label="Activity">
        {rows.map((row) =>
          row.kind === 'event' ? (
            <ActivityItem key={row.event.id} event={row.event} showStack={showStack} exactTimes={exactTimes} />
          ) : (
            <li key={row.id} className="py-2" data-testid="activity-views">
              <details className="text-sm">
                <summary className="cursor-pointer text-slate-600 dark:text-slate-400">{row.label}</summary>
                <ol className="ml-4 divide-y divide-slate-100 dark:divide-slate-900" aria-label={row.label}>
                  {row.events.map((event) => (
                    <ActivityItem key={event.id} event={event} showStack={showStack} exactTimes={exactTimes} testId="activity-view-item" />
                  ))}
                </ol>
              </details>
            </li>
          ),
        )}
      </ol>
      {query.hasNextPage ? (
        <Button variant="link" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage} className="text-sm">
          {query.isFetchingNextPage ? 'Loading…' : 'Older activity'}
        </Button>
      ) : null}
    </div>
  );
}
