export type ShellName = 'bash' | 'sh';

export type ShellStatus =
  | { state: 'connecting' }
  | { state: 'connected'; shell: ShellName; idleTimeoutMs: number; maxSessionMs: number }
  /** `retryAt` is set while one automatic retry into a new shell is pending (ux.md S4). */
  | { state: 'closed'; reason: string; retryAt: number | null };

/** The status line's words (the status line has role="status", so screen readers hear each change). */
export function describeShellStatus(status: ShellStatus): string {
  switch (status.state) {
    case 'connecting':
      return 'Connecting…';
    case 'connected':
      return status.shell === 'bash' ? 'Connected — bash' : 'Connected — sh (bash not in image)';
    case 'closed':
      return status.retryAt === null ? `Closed: ${status.reason}` : `Closed: ${status.reason} — opening a new shell…`;
  }
}

/** The line written into the terminal when a shell ends, so the screen says what happened (ux.md S4). */
export function disconnectNotice(status: Extract<ShellStatus, { state: 'closed' }>): string {
  return `Disconnected (${status.reason}) — ${status.retryAt === null ? 'press Enter to reconnect' : 'opening a new shell…'}`;
}
