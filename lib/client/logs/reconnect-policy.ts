/** Reconnection waits 1, 2, 4 … seconds, never more than 30 (ux.md G7). */
export const maxBackoffMs = 30_000;

/** The wait before reconnection attempt `attempt` (1 for the first). */
export function backoffDelay(attempt: number): number {
  const exponent = Math.max(0, Math.min(attempt - 1, 15));
  return Math.min(1_000 * 2 ** exponent, maxBackoffMs);
}

export interface CloseVerdict {
  /** Whether trying again can help. */
  shouldRetry: boolean;
  /** Plain words for the status line. */
  reason: string;
  /** The followed container stopped: it may start again (Rancher restarts crashing containers). */
  isContainerStop?: boolean;
}

/** The server's reason when a followed container's stream ends because the container stopped (logs-relay.ts). */
const containerStoppedReason = 'the container stopped';

// Close codes of the logs websocket (DESIGN.md): the 44xx ones are answers, not accidents.
const finalCodes: Record<number, string> = {
  4401: 'your session has ended; sign in again',
  4403: 'you may not read the logs of this container',
  4404: 'container not found',
};

const retryCodes: Record<number, string> = {
  1001: 'the portal is restarting',
  1006: 'the connection dropped',
  1011: 'Rancher did not answer',
  1012: 'the portal is restarting',
  1013: 'the portal is busy',
};

/**
 * What a close means. Access answers (4401, 4403, 4404) and a clean end of the stream (1000) are final,
 * except the end of a followed container that stopped, which is watched until it starts again; anything else is an accident worth retrying. The server's own reason,
 * when it gave one, is the clearer text.
 */
export function closeVerdict(code: number, serverReason: string): CloseVerdict {
  const given = serverReason.trim();
  const final = finalCodes[code];
  if (final !== undefined) return { shouldRetry: false, reason: given || final };
  if (code === 1000 && given === containerStoppedReason) return { shouldRetry: true, reason: 'the container stopped', isContainerStop: true };
  if (code === 1000) return { shouldRetry: false, reason: given || 'the log stream ended' };
  return { shouldRetry: true, reason: given || retryCodes[code] || `the connection closed (code ${code})` };
}
