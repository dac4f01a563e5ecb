import { clsx } from 'clsx';
import { describeActivity, type ActivityEvent } from '@/lib/activity/activity-event';
import { RelativeTime } from '@/components/stacks/relative-time';

const outcomeStyle: Record<ActivityEvent['outcome'], { label: string; className: string }> = {
  ok: { label: 'done', className: 'bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200' },
  denied: { label: 'denied', className: 'bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-200' },
  failed: { label: 'failed', className: 'bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-200' },
  unknown: { label: 'outcome unknown', className: 'bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-200' },
};

export function ActivityItem({ event, showStack }: { event: ActivityEvent; showStack?: boolean }) {
  const outcome = outcomeStyle[event.outcome];
  const changes = Array.isArray(event.details?.changes) ? (event.details.changes as { path?: string; before?: unknown; after?: unknown }[]) : [];
  return (
    <li className="py-2" data-testid="activity-item">
      <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1 text-sm">
        <span className="font-medium">{describeActivity(event)}</span>
        {showStack && event.stackName ? <span className="text-slate-600 dark:text-slate-400">in {event.stackName}</span> : null}
        <span className={clsx('rounded px-1.5 py-0.5 text-xs', outcome.className)}>
          {outcome.label}
          {event.code && event.outcome !== 'ok' ? `: ${event.code}` : ''}
        </span>
        <span className="text-xs text-slate-500 dark:text-slate-400">
          <RelativeTime iso={event.time} />
          {event.clientAddress ? ` · from ${event.clientAddress}` : ''}
          {event.requestId ? ` · request ${event.requestId}` : ''}
        </span>
      </div>
      {changes.length > 0 ? (
        <details className="mt-1 text-xs">
          <summary className="cursor-pointer text-slate-600 dark:text-slate-400">{changes.length === 1 ? '1 change' : `${changes.length} changes`}</summary>
          <ul className="mt-1 space-y-0.5 font-mono">
            {changes.map((c, i) => (
              <li key={i}>
                {c.path}: {JSON.stringify(c.before ?? null)} → {JSON.stringify(c.after ?? null)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </li>
  );
}
