/** Exit statuses of every spin-portal command (DESIGN.md "Contract additions": `spin-portal` CLI). */
export const exitCodes = { done: 0, refusedOrFailed: 1, usageOrConnection: 2 } as const;

/**
 * Something that stops a command before it could do its work: a wrong argument or setting, a portal
 * that does not answer, a refused token, a name that does not resolve. Always exit status 2.
 */
export class CliError extends Error {
  readonly exitCode = exitCodes.usageOrConnection;

  constructor(
    message: string,
    /** The HTTP status the portal answered, when it answered. */
    readonly status?: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
