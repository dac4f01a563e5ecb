'use client';

import type { ConnectionStatus } from '@/lib/client/logs/log-connection';
import { useNow } from './use-now';
import { Button } from '@/components/ui/button';

/** What the line shows, and what a screen reader hears: the same words without the ticking seconds. */
function describe(status: ConnectionStatus | undefined, now: number): { shown: string; spoken: string } {
  if (!status || status.state === 'connecting') return { shown: 'Connecting…', spoken: 'Connecting…' };
  if (status.state === 'connected') return { shown: 'Connected', spoken: 'Connected' };
  if (status.state === 'waiting') {
    const text = 'The container stopped; the log continues when it starts again';
    return { shown: text, spoken: text };
  }
  if (status.state === 'closed') return { shown: `Closed: ${status.reason}`, spoken: `Closed: ${status.reason}` };
  const seconds = Math.max(0, Math.ceil((status.retryAt - now) / 1_000));
  return { shown: `Reconnecting in ${seconds} s (${status.reason})`, spoken: `Reconnecting (${status.reason})` };
}

export interface ConnectionStatusLineProps {
  /** The selected containers, in page order, with the tag to name each in a merged view. */
  sources: { id: string; tag: string }[];
  statuses: ReadonlyMap<string, ConnectionStatus>;
  onReconnect: () => void;
}

/**
 * The state of each log socket in a polite live region, with a way to reconnect at once. The countdown
 * is shown but not spoken: a screen reader would otherwise announce every second of it.
 */
export function ConnectionStatusLine({ sources, statuses, onReconnect }: ConnectionStatusLineProps) {
  const isCountingDown = sources.some(({ id }) => statuses.get(id)?.state === 'reconnecting');
  const now = useNow(isCountingDown);
  const canReconnect = sources.some(({ id }) => {
    const state = statuses.get(id)?.state;
    return state === 'reconnecting' || state === 'closed';
  });
  const parts = sources.map(({ id, tag }) => {
    const { shown, spoken } = describe(statuses.get(id), now);
    return sources.length === 1 ? { shown, spoken } : { shown: `${tag}: ${shown}`, spoken: `${tag}: ${spoken}` };
  });
  const shown = parts.map((p) => p.shown).join('; ') || 'No container selected';
  const spoken = parts.map((p) => p.spoken).join('; ') || 'No container selected';
  return (
    <div className="flex items-center gap-2 text-sm">
      <p role="status" aria-live="polite" className="text-slate-700 dark:text-slate-300">
        {shown === spoken ? (
          shown
        ) : (
          <>
            <span aria-hidden>{shown}</span>
            <span className="sr-only">{spoken}</span>
          </>
        )}
      </p>
      {canReconnect ? (
        <Button size="sm" onClick={onReconnect}>
          Reconnect
        </Button>
      ) : null}
    </div>
  );
}
