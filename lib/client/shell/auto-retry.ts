/** The wait before the one automatic retry, long enough for a restarting portal to come back. */
export const autoRetryDelayMs = 1_000;
/** A session that stayed ready this long was working: a later drop earns a fresh automatic retry. */
export const stableSessionMs = 10_000;

/**
 * After a drop the panel opens one new shell by itself (ux.md S4: Rancher ends the old one, there is
 * nothing to resume). If that one drops again before it has worked for a while, the user decides.
 */
export class AutoRetryBudget {
  private isSpent = false;

  /** Whether to retry now; spends the retry when it says yes. */
  take(): boolean {
    if (this.isSpent) return false;
    this.isSpent = true;
    return true;
  }

  /** Called when a session ends, with how long it was ready (null if never). */
  sessionLasted(readyMs: number | null): void {
    if (readyMs !== null && readyMs >= stableSessionMs) this.isSpent = false;
  }

  /** A reconnect the user asked for starts over. */
  reset(): void {
    this.isSpent = false;
  }
}
