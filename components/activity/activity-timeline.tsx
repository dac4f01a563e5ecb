'use client';

import { useActivity } from '@/lib/client/queries/use-activity';
import { QueryError } from '@/components/stacks/query-error';
import { ActivityItem } from './activity-item';
import { Button } from '@/components/ui/button';

/** Who did what on a stack (or, for staff, everywhere), newest first, refreshed every few seconds. */
export function ActivityTimeline({ stackId, filter, showStack }: { stackId?: string; filter?: URLSearchParams; showStack?: boolean }) {
  const query = useActivity({ stackId, filter });
  const events = query.data?.pages.flatMap((p) => p.events) ?? [];
  return (
    <div className="space-y-2">
      {query.error ? <QueryError error={query.error} onRetry={() => void query.refetch()} isRetrying={query.isFetching} /> : null}
      {query.isPending ? <div className="h-16 animate-pulse rounded bg-slate-100 dark:bg-slate-900" aria-label="Loading activity" /> : null}
      {!query.isPending && events.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">Nothing recorded yet.</p> : null}
      <ol className="divide-y divide-slate-200 dark:divide-slate-800" aria-label="Activity">
        {events.map((event) => (
          <ActivityItem key={event.id} event={event} showStack={showStack} />
        ))}
      </ol>
      {query.hasNextPage ? (
        <Button variant="link" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage} className="text-sm">
          {query.isFetchingNextPage ? 'Loading…' : 'Older activity'}
        </Button>
      ) : null}
    </div>
  );
}
