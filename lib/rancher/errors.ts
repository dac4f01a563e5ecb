import 'server-only';
import type { ServiceDetail } from '@/lib/domain/rancher/types';
import { BadRequestError, ConflictError, NotFoundError, UnavailableError, UpstreamError } from '@/lib/domain/errors/app-error';

/**
 * What Rancher said, kept for logs. It never reaches a browser: the AppError message (the problem's
 * `detail`) is written for the person using the portal.
 */
export interface RancherFault {
  /** HTTP status Rancher answered; 0 when no answer came. */
  status: number;
  /** Rancher's error code (`ActionNotAvailable`, `Not Found`…), or the transport error's code. */
  code: string;
  /** Rancher's message, or its `fieldName` text for validation errors. */
  message: string | null;
}

function describe(fault: RancherFault): string {
  return `${fault.status || 'no answer'} ${fault.code}${fault.message ? `: ${fault.message}` : ''}`;
}

export class RancherNotFoundError extends NotFoundError {
  constructor(
    detail: string,
    readonly rancher: RancherFault,
  ) {
    super(detail);
  }
}

/** Rancher refused an action in the resource's current state (422 ActionNotAvailable, InvalidState). */
export class RancherNotAllowedInStateError extends ConflictError {
  constructor(
    detail: string,
    readonly rancher: RancherFault,
  ) {
    super(detail);
  }
}

/** Someone changed the resource at the same time (409). */
export class RancherConflictError extends ConflictError {
  constructor(
    detail: string,
    readonly rancher: RancherFault,
  ) {
    super(detail);
  }
}

/** Rancher rejected the values sent (422 MissingRequired, InvalidOption…), e.g. start-first with a retained IP. */
export class RancherInvalidInputError extends BadRequestError {
  constructor(
    detail: string,
    readonly rancher: RancherFault,
  ) {
    super(detail);
  }
}

/** The portal's own API key was refused: a server misconfiguration, never the user's doing. */
export class RancherUnauthorizedError extends UpstreamError {
  constructor(readonly rancher: RancherFault) {
    super('The portal could not sign in to Rancher. This is a problem on our side; please tell Spin staff.');
  }
}

/** Rancher could not be reached, timed out, or answered 502/503/504. */
export class RancherUnavailableError extends UnavailableError {
  constructor(
    readonly rancher: RancherFault,
    detail = 'Rancher is unavailable right now; try again in a minute.',
  ) {
    super(detail);
  }
}

/**
 * A change was sent but no answer came back (the total timeout ran out, the connection dropped mid-exchange,
 * a gateway answered 504): Rancher may have done it, so its outcome is unknown rather than failed.
 */
export class RancherNoAnswerError extends RancherUnavailableError {
  /** Checked by `isNoAnswer`, because `instanceof` fails across the server's and Next's bundles. */
  readonly outcomeUnknown = true;

  constructor(rancher: RancherFault) {
    super(rancher, 'Rancher did not answer in time, so it may or may not have done what was asked.');
  }
}

/** Whether `err` is a RancherNoAnswerError from either bundle. */
export function isNoAnswer(err: unknown): err is RancherNoAnswerError {
  return typeof err === 'object' && err !== null && (err as { outcomeUnknown?: unknown }).outcomeUnknown === true;
}

/** A service was still transitioning when the wait ran out; `lastSeen` is how it looked then. */
export class RancherSettleTimeoutError extends UnavailableError {
  constructor(
    readonly lastSeen: ServiceDetail | null,
    timeoutMs: number,
  ) {
    super(`Rancher is still working on the service after ${Math.round(timeoutMs / 1000)} s; check again in a moment.`);
  }
}

/** Rancher answered something the portal cannot read, or an unexpected error status. */
export class RancherProtocolError extends UpstreamError {
  constructor(readonly rancher: RancherFault) {
    super('Rancher gave an answer the portal could not understand. Try again; if it persists, tell Spin staff.');
  }
}

export type RancherError =
  | RancherNotFoundError
  | RancherNotAllowedInStateError
  | RancherConflictError
  | RancherInvalidInputError
  | RancherUnauthorizedError
  | RancherUnavailableError
  | RancherNoAnswerError
  | RancherProtocolError;

/** One line for a log entry about a Rancher failure (no secrets: faults hold only status, code, message). */
export function rancherFaultText(err: RancherError): string {
  return `${err.name} (${describe(err.rancher)})`;
}

/** A configured environment (project) that Rancher would not show with the portal's key; `cause` says why. */
export class RancherEnvironmentUnreadableError extends Error {
  constructor(
    readonly projectId: string,
    override readonly cause: unknown,
  ) {
    super(`Rancher environment ${projectId} could not be read`);
    this.name = 'RancherEnvironmentUnreadableError';
  }
}
