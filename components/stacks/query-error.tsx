import { ApiError } from '@/lib/client/queries/fetch-json';
import { Button } from '@/components/ui/button';

export function QueryError({ error, onRetry, isRetrying }: { error: Error; onRetry: () => void; isRetrying: boolean }) {
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <div role="alert" className="flex flex-wrap items-center gap-3 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
      <span>
        Could not refresh: {error.message}
        {requestId ? <span className="ml-1 text-xs opacity-80">(request {requestId})</span> : null}
      </span>
      <Button variant="outline" size="sm" onClick={onRetry} disabled={isRetrying}>
        {isRetrying ? 'Retrying…' : 'Retry'}
      </Button>
    </div>
  );
}
