import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, UnavailableError, UpstreamError, BadRequestError } from '@/lib/domain/errors/app-error';
import { toProblem } from '@/lib/domain/errors/problem';
import {
  RancherConflictError,
  RancherInvalidInputError,
  RancherNotAllowedInStateError,
  RancherNotFoundError,
  RancherProtocolError,
  RancherUnauthorizedError,
  RancherUnavailableError,
} from './errors';
import { errorFromAnswer, errorFromTransport, isRetryable } from './error-from-answer';
import { TransportError } from './http-request';

function body(status: number, code: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ id: 'e1', type: 'error', baseType: 'error', links: {}, actions: {}, status, code, message: null, detail: null, ...extra });
}

describe('errorFromAnswer', () => {
  const cases = [
    { status: 401, code: 'Unauthorized', domain: RancherUnauthorizedError, app: UpstreamError, http: 502 },
    { status: 403, code: 'Forbidden', domain: RancherUnauthorizedError, app: UpstreamError, http: 502 },
    { status: 404, code: 'Not Found', domain: RancherNotFoundError, app: NotFoundError, http: 404 },
    { status: 409, code: 'Conflict', domain: RancherConflictError, app: ConflictError, http: 409 },
    { status: 422, code: 'ActionNotAvailable', domain: RancherNotAllowedInStateError, app: ConflictError, http: 409 },
    { status: 422, code: 'InvalidState', domain: RancherNotAllowedInStateError, app: ConflictError, http: 409 },
    { status: 422, code: 'InvalidOption', domain: RancherInvalidInputError, app: BadRequestError, http: 400 },
    { status: 422, code: 'MissingRequired', domain: RancherInvalidInputError, app: BadRequestError, http: 400 },
    { status: 500, code: 'Internal Server Error', domain: RancherProtocolError, app: UpstreamError, http: 502 },
    { status: 502, code: 'Bad Gateway', domain: RancherUnavailableError, app: UnavailableError, http: 503 },
    { status: 503, code: 'Service Unavailable', domain: RancherUnavailableError, app: UnavailableError, http: 503 },
    { status: 504, code: 'Gateway Timeout', domain: RancherUnavailableError, app: UnavailableError, http: 503 },
  ];
  it.each(cases)('$status $code', ({ status, code, domain, app, http }) => {
    const err = errorFromAnswer(status, body(status, code), { what: 'service 1s12' });
    expect(err).toBeInstanceOf(domain);
    expect(err).toBeInstanceOf(app);
    expect(err.rancher).toMatchObject({ status, code });
    const { problem } = toProblem(err, 'req-1');
    expect(problem.status).toBe(http);
    // The browser gets the portal's wording; Rancher's fault stays on the error for the log.
    expect(problem.detail).toBe(err.message);
    expect(problem).not.toHaveProperty('rancher');
  });

  it('keeps Rancher fieldName text as the message', () => {
    const err = errorFromAnswer(422, body(422, 'MissingRequired', { fieldName: 'Upgrade strategy needs to be set' }), { what: 'service 1s12' });
    expect(err.rancher.message).toBe('Upgrade strategy needs to be set');
  });

  it('uses the caller refusal text for a state refusal', () => {
    const err = errorFromAnswer(422, body(422, 'ActionNotAvailable', { fieldName: 'action' }), { what: 'service 1s12', refusal: 'finish or roll back the upgrade first' });
    expect(err.message).toBe('finish or roll back the upgrade first');
    expect(err.rancher).toEqual({ status: 422, code: 'ActionNotAvailable', message: 'action' });
  });

  it('names the missing resource', () => {
    expect(errorFromAnswer(404, body(404, 'Not Found'), { what: 'stack 1st9' }).message).toBe('Rancher has no stack 1st9.');
  });

  it('survives a body that is not Rancher JSON', () => {
    const err = errorFromAnswer(503, '<html>down</html>', { what: 'stacks' });
    expect(err).toBeInstanceOf(RancherUnavailableError);
    expect(err.rancher).toEqual({ status: 503, code: 'HTTP 503', message: null });
  });
});

describe('isRetryable', () => {
  it('retries gateway errors and dropped connections only', () => {
    expect(isRetryable(errorFromAnswer(503, '', { what: 'x' }))).toBe(true);
    expect(isRetryable(errorFromAnswer(502, '', { what: 'x' }))).toBe(true);
    expect(isRetryable(errorFromAnswer(504, '', { what: 'x' }))).toBe(true);
    expect(isRetryable(errorFromTransport(new TransportError('ECONNRESET', 'reset')))).toBe(true);
    expect(isRetryable(errorFromAnswer(500, '', { what: 'x' }))).toBe(false);
    expect(isRetryable(errorFromAnswer(404, '', { what: 'x' }))).toBe(false);
    expect(isRetryable(errorFromTransport(new TransportError('ETIMEDOUT', 'slow')))).toBe(false);
    expect(isRetryable(errorFromTransport(new TransportError('ECONNREFUSED', 'down')))).toBe(false);
  });
});
