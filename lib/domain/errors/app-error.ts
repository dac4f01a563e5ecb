/**
 * Business errors carry no HTTP: `toProblem` (lib/errors/problem.ts) is the one place that maps them to
 * statuses. `detail` says what the person can do next.
 */
export abstract class AppError extends Error {
  /**
   * The custom server and Next's build each bundle this module, and singletons (the Rancher backend)
   * are shared between them, so `instanceof` can fail on a real AppError: `isAppError` checks this.
   */
  readonly isAppError = true;
  abstract readonly status: number;
  abstract readonly type: string;
  abstract readonly title: string;

  constructor(
    message: string,
    readonly extra?: { errors?: { path: string; message: string }[]; [key: string]: unknown },
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadRequestError extends AppError {
  readonly status = 400;
  readonly type = 'bad-request';
  readonly title = 'Bad request';
}

export class UnauthenticatedError extends AppError {
  readonly status = 401;
  readonly type = 'unauthenticated';
  readonly title = 'Sign in required';
}

export class ForbiddenError extends AppError {
  readonly status = 403;
  readonly type = 'forbidden';
  readonly title = 'Not allowed';
}

export class NotFoundError extends AppError {
  readonly status = 404;
  readonly type = 'not-found';
  readonly title = 'Not found';
}

export class ConflictError extends AppError {
  readonly status = 409;
  readonly type = 'conflict';
  readonly title = 'Conflict';
}

export class UnsupportedMediaTypeError extends AppError {
  readonly status = 415;
  readonly type = 'unsupported-media-type';
  readonly title = 'Unsupported media type';
}

export class LengthRequiredError extends AppError {
  readonly status = 411;
  readonly type = 'length-required';
  readonly title = 'Length required';
}

export class PayloadTooLargeError extends AppError {
  readonly status = 413;
  readonly type = 'payload-too-large';
  readonly title = 'Request too large';
}

/** Well-formed input that names something the caller may not use (a stack not theirs, for a token). */
export class UnprocessableError extends AppError {
  readonly status = 422;
  readonly type = 'unprocessable';
  readonly title = 'The request cannot be carried out';
}

/** Policy input that cannot be checked at all (unreadable, or over the check's limits). */
export class PolicyInputError extends AppError {
  readonly status = 422;
  readonly type = 'policy-input';
  readonly title = 'The policy input cannot be checked';
}

export class PolicyViolationError extends AppError {
  readonly status = 422;
  readonly type = 'policy-violation';
  readonly title = 'The change breaks Spin policy';
}

export class TooManyRequestsError extends AppError {
  readonly status = 429;
  readonly type = 'too-many-requests';
  readonly title = 'Too many attempts';

  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** The person holds as many log and shell sockets as they may; closing one frees a slot at once. */
export class TooManySocketsError extends AppError {
  readonly status = 429;
  readonly type = 'too-many-sockets';
  readonly title = 'Too many open log and shell windows';
}

export class UpstreamError extends AppError {
  readonly status = 502;
  readonly type = 'upstream-error';
  readonly title = 'Rancher gave an unexpected answer';
}

export class UnavailableError extends AppError {
  readonly status = 503;
  readonly type = 'unavailable';
  readonly title = 'Service unavailable';

  constructor(
    message: string,
    extra?: AppError['extra'],
    /** When known, how soon to try again (the Retry-After header). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message, extra);
  }
}

/** Whether `err` is an AppError from either bundle (see `AppError.isAppError`). */
export function isAppError(err: unknown): err is AppError {
  return typeof err === 'object' && err !== null && (err as { isAppError?: unknown }).isAppError === true && typeof (err as { status?: unknown }).status === 'number';
}

/** Whether `err` is an AppError with this HTTP status. */
export function hasStatus(err: unknown, status: number): err is AppError {
  return isAppError(err) && err.status === status;
}
