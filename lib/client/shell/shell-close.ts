export interface ShellCloseFacts {
  code: number;
  /** The websocket close reason the server gave, if any. */
  closeReason: string;
  /** The message of the last {"type":"error"} frame before the close, if any. */
  serverError: string | null;
  /** The exit code from an {"type":"exit"} frame, if the shell ended on its own. */
  exitCode: number | null;
  /** Whether the websocket ever opened; an upgrade the server refused never does. */
  wasOpen: boolean;
  /** Whether the shell reported ready. */
  wasReady: boolean;
}

export interface ShellCloseVerdict {
  /** Plain words for "Closed: <reason>". */
  reason: string;
  /** An accident after a working session, where a new shell may well work (ux.md S4). */
  isDrop: boolean;
}

/** Shown when the upgrade was refused: the browser only sees a 1006 close, whatever the HTTP status was. */
export const notConnectedReason = 'Could not connect (no access or not signed in)';

/** What a close of the shell websocket means, by its code (DESIGN.md's shell close codes). */
export function shellCloseVerdict(facts: ShellCloseFacts): ShellCloseVerdict {
  const { code, serverError } = facts;
  const given = facts.closeReason.trim();
  if (!facts.wasOpen) return { reason: notConnectedReason, isDrop: false };
  switch (code) {
    case 1000:
      return { reason: facts.exitCode ? `the shell exited with code ${facts.exitCode}` : 'the shell exited', isDrop: false };
    case 4000:
      return { reason: 'the maximum session length was reached', isDrop: false };
    case 4001:
      return { reason: 'the shell was idle too long', isDrop: false };
    case 1001:
      return { reason: 'the portal is restarting', isDrop: true };
    case 1011:
      // Before ready the shell could not be opened at all: a second try would fail the same way.
      return { reason: serverError ?? (given || 'the connection to the container was lost'), isDrop: facts.wasReady };
    case 1006:
      return { reason: 'the connection dropped', isDrop: facts.wasReady };
    default:
      return { reason: serverError ?? (given || `the connection closed (code ${code})`), isDrop: false };
  }
}
