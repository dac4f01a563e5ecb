import { isLiveChannelOpen } from './live-changes';

/** Poll fast while Rancher is moving something (transitional states), slowly otherwise (ux.md L1). */
const busyRefetchMs = 1_000;
const idleRefetchMs = 5_000;
/** With changes pushed (live-changes.ts), an idle page polls only in case a push was missed. */
const pushedIdleRefetchMs = 30_000;

/** After a failed read (Rancher unavailable), a page tries again this often by itself, pushed or not. */
export const failedRefetchMs = 10_000;

export function refetchWhileBusy(isBusy: boolean | undefined, hasFailed = false): number {
  if (hasFailed) return failedRefetchMs;
  if (isBusy) return busyRefetchMs;
  return isLiveChannelOpen() ? pushedIdleRefetchMs : idleRefetchMs;
}
