import type { ActivityEvent } from '@/lib/domain/activity/activity-event';

/** A row of the timeline: one event, or a run of log and shell opens and closes folded into one. */
export type TimelineRow = { kind: 'event'; event: ActivityEvent } | { kind: 'views'; id: string; events: ActivityEvent[]; label: string };

const viewKinds = { logs: ['log view', 'log views'], shell: ['shell session', 'shell sessions'] } as const;
type ViewKind = keyof typeof viewKinds;

function viewKindOf(action: string): ViewKind | null {
  const kind = action.split('.')[0];
  return kind === 'logs' || kind === 'shell' ? kind : null;
}

/** Whether an action is a log or shell open or close: the rows folded by default. */
export function isViewAction(action: string): boolean {
  return viewKindOf(action) !== null;
}

/** "3 log views and 1 shell session": each session counted once though it has an open and a close row. */
export function viewsLabel(events: readonly ActivityEvent[]): string {
  const parts = (Object.keys(viewKinds) as ViewKind[]).flatMap((kind) => {
    const rows = events.filter((e) => viewKindOf(e.action) === kind);
    const sessions = Math.max(rows.filter((e) => e.action.endsWith('.open')).length, rows.filter((e) => e.action.endsWith('.close')).length);
    const [one, many] = viewKinds[kind];
    return sessions === 0 ? [] : [`${sessions} ${sessions === 1 ? one : many}`];
  });
  return parts.join(' and ');
}

/**
 * Folds each run of consecutive log and shell rows into one row, so restarts and upgrades stand out
 * between them. Runs are folded where they stand: the order of the timeline is kept.
 */
export function foldViews(events: readonly ActivityEvent[]): TimelineRow[] {
  const rows: TimelineRow[] = [];
  for (const event of events) {
    const last = rows.at(-1);
    if (!isViewAction(event.action)) rows.push({ kind: 'event', event });
    else if (last?.kind === 'views') last.events.push(event);
    else rows.push({ kind: 'views', id: `views-${event.id}`, events: [event], label: '' });
  }
  for (const row of rows) if (row.kind === 'views') row.label = viewsLabel(row.events);
  return rows;
}
