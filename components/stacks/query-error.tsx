'use client';

import { ApiError } from '@/lib/client/queries/fetch-json';
import { Button } from '@/components/ui/button';
import { RelativeTime } from './relative-time';

/**
 * A failed refresh: the API's own words (for an outage, "Rancher is unavailable right now; try again in
 * a minute"), that what the page still shows is from before (with its age), and that it tries again by
 * itself; the button is for the impatient.
 */
export function QueryError({ error, onRetry, isRetrying, updatedAt }: { error: Error; onRetry: () => void; isRetrying: boolean; updatedAt?: number }) {
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <div role="alert" className="flex flex-wrap items-center gap-3 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
      <span>
        {error.message}
        {requestId ? <span className="ml-1 text-xs opacity-80">(request {requestId})</span> : null}
      </span>
      {updatedAt ? (
        <span data-testid="stale-since">
          Showing what the portal last saw, <RelativeTime iso={new Date(updatedAt).toISOString()} />; trying again by itself.
        </span>
      ) : (
        <span>Trying again by itself.</span>
      )}
      <Button variant="outline" size="sm" onClick={onRetry} disabled={isRetrying}>
        {isRetrying ? 'Retrying…' : 'Retry now'}
      </Button>
    </div>
  );
}
