import { clsx } from 'clsx';
import { describeActivity, type ActivityEvent } from '@/lib/domain/activity/activity-event';
import { EnvironmentBadge } from '@/components/stacks/environment-badge';
import { RelativeTime } from '@/components/stacks/relative-time';

const outcomeStyle: Record<ActivityEvent['outcome'], string> = {
  ok: 'bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200',
  denied: 'bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-200',
  failed: 'bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-200',
  unknown: 'bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-200',
};

/**
 * The outcome badge's words. A failure names its code; an unknown outcome (Rancher never answered, so the
 * change may have been made) says what to do instead, and keeps the code for the tooltip.
 */
export function outcomeWords(event: Pick<ActivityEvent, 'outcome' | 'code' | 'containerName'>): { label: string; title: string | undefined } {
  switch (event.outcome) {
    case 'ok':
      return { label: 'done', title: undefined };
    case 'unknown':
      return {
        label: `outcome unknown: check the ${event.containerName ? 'container' : 'service'}`,
        title: `Rancher did not confirm this action${event.code ? ` (${event.code})` : ''}; it may or may not have happened.`,
      };
    default:
      return { label: event.code ? `${event.outcome}: ${event.code}` : event.outcome, title: undefined };
  }
}

/** "2026-12-07 10:15:04 UTC": the exact time, for when "5 minutes ago" is not enough. */
export function exactTime(iso: string): string {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? '—' : `${new Date(at).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/**
 * One row. `showStack` (everyone's activity) adds the stack and its environment; `exactTimes` shows
 * each time in full instead of relative (the relative one keeps the exact time as its tooltip).
 */
export function ActivityItem({ event, showStack, exactTimes, testId = 'activity-item' }: { event: ActivityEvent; showStack?: boolean; exactTimes?: boolean; testId?: string }) {
  const outcome = outcomeWords(event);
  const changes = Array.isArray(event.details?.changes) ? (event.details.changes as { path?: string; before?: unknown; after?: unknown }[]) : [];
  return (
    <li className="py-2" data-testid={testId}>
      <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1 text-sm">
        <span className="font-medium">{describeActivity(event)}</span>
        {showStack && event.stackName ? <span className="text-slate-600 dark:text-slate-400">in {event.stackName}</span> : null}
        {showStack && event.environment ? <EnvironmentBadge environment={event.environment} /> : null}
        <span className={clsx('rounded px-1.5 py-0.5 text-xs', outcomeStyle[event.outcome])} title={outcome.title}>
          {outcome.label}
        </span>
        <span className="text-xs text-slate-500 dark:text-slate-400">
          {exactTimes ? <time dateTime={event.time}>{exactTime(event.time)}</time> : <RelativeTime iso={event.time} />}
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
