'use client';

import type { ConnectionStatus } from '@/lib/logs/log-connection';
import { useNow } from './use-now';

function describe(status: ConnectionStatus | undefined, now: number): string {
  if (!status) return 'Connecting…';
  switch (status.state) {
    case 'connecting':
      return 'Connecting…';
    case 'connected':
      return 'Connected';
    case 'reconnecting':
      return `Reconnecting in ${Math.max(0, Math.ceil((status.retryAt - now) / 1_000))} s (${status.reason})`;
    case 'closed':
      return `Closed: ${status.reason}`;
  }
}

export interface ConnectionStatusLineProps {
  /** The selected containers, in page order, with the tag to name each in a merged view. */
  sources: { id: string; tag: string }[];
  statuses: ReadonlyMap<string, ConnectionStatus>;
  onReconnect: () => void;
}

/** The state of each log socket, announced politely to screen readers, with a way to reconnect at once. */
export function ConnectionStatusLine({ sources, statuses, onReconnect }: ConnectionStatusLineProps) {
  const isCountingDown = sources.some(({ id }) => statuses.get(id)?.state === 'reconnecting');
  const now = useNow(isCountingDown);
  const canReconnect = sources.some(({ id }) => {
    const state = statuses.get(id)?.state;
    return state === 'reconnecting' || state === 'closed';
  });
  const text =
    sources.length === 1
      ? describe(statuses.get(sources[0]?.id ?? ''), now)
      : sources.map(({ id, tag }) => `${tag}: ${describe(statuses.get(id), now)}`).join('; ') || 'No container selected';
  return (
    <div className="flex items-center gap-2 text-sm">
      <p role="status" aria-live="polite" className="text-slate-700 dark:text-slate-300">
        {text}
      </p>
      {canReconnect ? (
        <button type="button" onClick={onReconnect} className="rounded border border-slate-300 px-2 py-0.5 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800">
          Reconnect
        </button>
      ) : null}
    </div>
  );
}
