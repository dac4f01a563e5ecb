import 'server-only';
import { UnauthenticatedError, UnavailableError } from '@/lib/domain/errors/app-error';

/** Why a login was refused: for the log and the audit trail only, never for the person logging in. */
export type InvalidCredentialsReason =
  | 'invalid-username'
  | 'empty-password'
  | 'unknown-user'
  | 'ambiguous-user'
  | 'bind-rejected';

/**
 * The username or password is wrong, or the account cannot log in. One message for every case, so the
 * answer never tells whether an account exists.
 */
export class InvalidCredentialsError extends UnauthenticatedError {
  constructor(readonly reason: InvalidCredentialsReason) {
    super('Wrong username or password.');
  }
}

/**
 * The directory could not answer: down, too slow, TLS refused, or the portal's own service account
 * rejected. Never reported as wrong credentials; `cause` keeps the technical detail for the log.
 */
export class DirectoryUnavailableError extends UnavailableError {
  constructor(cause: unknown) {
    super('The directory is unavailable, try again shortly.');
    this.cause = cause;
  }
}
