import 'server-only';
import { RancherNotFoundError, RancherSettleTimeoutError, RancherUnavailableError } from './errors';
import type { EventFeed } from './event-feed';
import type { ServiceDetail } from '@/lib/domain/rancher/types';

export interface SettleWatch {
  serviceId: string;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Reads the service as it is now. */
  read: () => Promise<ServiceDetail>;
  feed: EventFeed;
  /** Poll period while the event feed is down. */
  pollMs?: number;
  /** Poll period while the feed is up, in case an event was missed (Rancher sends no replay on reconnect). */
  safetyPollMs?: number;
}

/**
 * Resolves with the service once `transitioning` is no longer `yes`. Events for the service trigger a
 * read at once; polling covers the times the feed is down and events missed across a reconnect.
 */
export function waitForSettled(watch: SettleWatch): Promise<ServiceDetail> {
  const { serviceId, timeoutMs, signal, read, feed } = watch;
  const pollMs = watch.pollMs ?? 1000;
  const safetyPollMs = watch.safetyPollMs ?? 5000;
  return new Promise((resolve, reject) => {
    let isDone = false;
    let isReading = false;
    let isReadAgain = false;
    let lastSeen: ServiceDetail | null = null;
    let pollTimer: NodeJS.Timeout | null = null;

    const finish = (settle: () => void) => {
      if (isDone) return;
      isDone = true;
      clearTimeout(deadline);
      if (pollTimer) clearTimeout(pollTimer);
      stopListening();
      stopWatchingConnection();
      signal?.removeEventListener('abort', onAbort);
      settle();
    };

    const check = async () => {
      if (isDone) return;
      if (isReading) {
        isReadAgain = true;
        return;
      }
      isReading = true;
      try {
        const service = await read();
        lastSeen = service;
        if (service.transitioning !== 'yes') finish(() => resolve(service));
      } catch (err) {
        // Rancher being briefly unreachable is what the polling rides out; anything else ends the wait.
        if (err instanceof RancherNotFoundError || !(err instanceof RancherUnavailableError)) finish(() => reject(err));
      } finally {
        isReading = false;
        if (isReadAgain && !isDone) {
          isReadAgain = false;
          void check();
        }
      }
    };

    const schedulePoll = () => {
      if (pollTimer) clearTimeout(pollTimer);
      pollTimer = setTimeout(
        () => {
          void check();
          if (!isDone) schedulePoll();
        },
        feed.isConnected ? safetyPollMs : pollMs,
      );
    };

    const onAbort = () => finish(() => reject(signal?.reason));
    const deadline = setTimeout(() => finish(() => reject(new RancherSettleTimeoutError(lastSeen, timeoutMs))), timeoutMs);
    const stopListening = feed.add((change) => {
      if (change.resourceType === 'service' && change.id === serviceId && change.transitioning !== 'yes') void check();
    });
    // A fresh connection may follow missed events: look at once, then poll at the new pace.
    const stopWatchingConnection = feed.onConnectionChange(() => {
      void check();
      schedulePoll();
    });

    if (signal?.aborted) {
      onAbort();
      return;
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    schedulePoll();
    void check();
  });
}
