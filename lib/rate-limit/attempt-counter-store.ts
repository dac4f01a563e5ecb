import 'server-only';

/**
 * Counts failed attempts per key (a username, a client address) in a sliding window. The memory store
 * serves a single portal; the audit database's store lets several replicas share the counters.
 */
export interface AttemptCounterStore {
  /** Records one failure for `key` at `now` and returns the failures within the window ending at `now`. */
  hit(key: string, windowMs: number, now: number): Promise<AttemptWindow>;
  /** The failures for `key` within the window ending at `now`, without recording one. */
  peek(key: string, windowMs: number, now: number): Promise<AttemptWindow>;
  /** Forgets every failure for `key` (after a successful login). */
  reset(key: string): Promise<void>;
}

export interface AttemptWindow {
  count: number;
  /** Time of the oldest failure still inside the window, or null when there is none. */
  oldestAt: number | null;
}
