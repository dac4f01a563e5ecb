import { ZodError } from 'zod';
import { isAppError } from './app-error';

/** RFC 9457 problem details, the body of every error the portal answers. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: { path: string; message: string }[];
  [extension: string]: unknown;
}

export const problemContentType = 'application/problem+json';

function zodPath(path: PropertyKey[]): string {
  return path.length === 0 ? '(body)' : path.map(String).join('.');
}

/**
 * Maps anything thrown to a problem. An AppError keeps its status, a ZodError is a 400 naming each field
 * at fault, and anything else is a 500 whose details stay in the log (`isUnexpected`).
 */
export function toProblem(err: unknown, requestId?: string): { problem: Problem; isUnexpected: boolean } {
  const instance = requestId;
  if (isAppError(err)) {
    const { errors, ...extensions } = err.extra ?? {};
    return {
      problem: { ...extensions, type: err.type, title: err.title, status: err.status, detail: err.message, instance, ...(errors ? { errors } : {}) },
      isUnexpected: false,
    };
  }
  if (err instanceof ZodError) {
    const errors = err.issues.map((issue) => ({ path: zodPath(issue.path), message: issue.message }));
    const detail = errors.map((e) => `${e.path}: ${e.message}`).join('; ');
    return { problem: { type: 'validation-error', title: 'Invalid input', status: 400, detail, instance, errors }, isUnexpected: false };
  }
  return {
    problem: {
      type: 'internal-error',
      title: 'Something went wrong',
      status: 500,
      detail: 'The portal hit an unexpected error. It has been logged; quote the request id when you report it.',
      instance,
    },
    isUnexpected: true,
  };
}

/** Seconds until it is worth trying again, where the error says (the Retry-After header). */
export function retryAfterOf(err: unknown): number | undefined {
  const retryAfter = isAppError(err) ? (err as { retryAfterSeconds?: unknown }).retryAfterSeconds : undefined;
  return typeof retryAfter === 'number' ? retryAfter : undefined;
}

/** The HTTP response for a problem, with Retry-After where the error says when to come back. */
export function problemResponse(err: unknown, requestId?: string): { response: Response; isUnexpected: boolean } {
  const { problem, isUnexpected } = toProblem(err, requestId);
  const headers = new Headers({ 'content-type': problemContentType });
  const retryAfter = retryAfterOf(err);
  if (retryAfter !== undefined) headers.set('retry-after', String(retryAfter));
  return { response: new Response(JSON.stringify(problem), { status: problem.status, headers }), isUnexpected };
}
