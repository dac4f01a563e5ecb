import 'server-only';
import { TransportError } from './http-request';
import {
  RancherConflictError,
  RancherInvalidInputError,
  RancherNotAllowedInStateError,
  RancherNotFoundError,
  RancherProtocolError,
  RancherUnauthorizedError,
  RancherUnavailableError,
  type RancherError,
  type RancherFault,
} from './errors';
import { errorBodySchema } from './schemas';

/** Rancher's 422 codes that mean "not in this state" rather than "bad values" (rancher-api.md §5.1, §5.6). */
const stateCodes = new Set(['ActionNotAvailable', 'InvalidState', 'InvalidAction']);

export interface FailureContext {
  /** What was asked for, for a 404's detail: `service 1s12`. */
  what: string;
  /** The detail for a refusal in the current state, when the caller knows the state. */
  refusal?: string;
}

function faultFrom(status: number, body: string): RancherFault {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { status, code: `HTTP ${status}`, message: null };
  }
  const result = errorBodySchema.safeParse(parsed);
  if (!result.success) return { status, code: `HTTP ${status}`, message: null };
  const { code, message, fieldName } = result.data;
  const text = [message, fieldName].filter((part) => part && part !== code).join(': ');
  return { status, code: code ?? `HTTP ${status}`, message: text === '' ? null : text };
}

/** The domain error for a Rancher answer with an error status (rancher-api.md §5.6). */
export function errorFromAnswer(status: number, body: string, context: FailureContext): RancherError {
  const fault = faultFrom(status, body);
  switch (status) {
    case 401:
    case 403:
      return new RancherUnauthorizedError(fault);
    case 404:
      return new RancherNotFoundError(`Rancher has no ${context.what}.`, fault);
    case 409:
      return new RancherConflictError(`Someone changed the ${context.what} at the same moment; reload it and try again.`, fault);
    case 422:
      if (stateCodes.has(fault.code)) {
        return new RancherNotAllowedInStateError(context.refusal ?? `Rancher will not do that to the ${context.what} in its current state.`, fault);
      }
      return new RancherInvalidInputError(`Rancher refused the values sent for the ${context.what}${fault.message ? `: ${fault.message}` : ''}.`, fault);
    case 502:
    case 503:
    case 504:
      return new RancherUnavailableError(fault);
    default:
      return new RancherProtocolError(fault);
  }
}

/** The domain error for a request that got no answer. */
export function errorFromTransport(err: TransportError): RancherUnavailableError {
  return new RancherUnavailableError({ status: 0, code: err.code, message: err.message });
}

/** GETs are retried on a gateway error or a dropped connection, never on anything else. */
export function isRetryable(err: unknown): boolean {
  if (!(err instanceof RancherUnavailableError)) return false;
  const { status, code } = err.rancher;
  return status === 502 || status === 503 || status === 504 || (status === 0 && (code === 'ECONNRESET' || code === 'EPIPE'));
}
