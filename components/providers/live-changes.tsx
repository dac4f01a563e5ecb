'use client';

import { useSyncExternalStore } from 'react';
import { liveChannelState, subscribeLiveChannel, useLiveChanges } from '@/lib/client/queries/live-changes';

/**
 * Mounted once for a signed-in user, inside the query provider: keeps every open page current, and says
 * so when it cannot (the page then refreshes on a timer instead).
 */
export function LiveChanges() {
  useLiveChanges();
  const state = useSyncExternalStore(subscribeLiveChannel, liveChannelState, () => 'connecting' as const);
  if (state !== 'reconnecting') return null;
  return (
    <p role="status" className="fixed right-4 top-16 z-40 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-xs text-slate-700 shadow dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300">
      Live updates paused: reconnecting. Pages refresh every 5 s meanwhile.
    </p>
  );
}
