import 'server-only';
import { z, ZodError } from 'zod';
import * as appErrors from '@/lib/domain/errors/app-error';
import { toProblem } from '@/lib/domain/errors/problem';
import { findingView } from '@/lib/domain/policy/policy-check-result';
import { SecretNameError } from '@/lib/domain/secrets/secret-errors';
import { jsonSchema, type JsonSchema } from './json-schema';

export interface ProblemType {
  type: string;
  title: string;
  status: number;
}

type AppErrorClass = new (message: string) => appErrors.AppError;

function isAppErrorClass(value: unknown): value is AppErrorClass {
  return typeof value === 'function' && value.prototype instanceof appErrors.AppError;
}

/**
 * Every `type` a problem can carry, read from the code that writes them: each AppError class of
 * lib/domain/errors (a new one there is documented by being written), the one type a domain adds
 * (secret-name), and the two `toProblem` writes itself (invalid input, unexpected error).
 */
export function problemTypes(): ProblemType[] {
  const fromClasses = Object.values(appErrors as Record<string, unknown>)
    .filter(isAppErrorClass)
    .map((ErrorClass) => new ErrorClass('example'));
  fromClasses.push(new SecretNameError('example', 'example'));
  const written = [toProblem(new ZodError([])).problem, toProblem(new Error('example')).problem];
  const byType = new Map<string, ProblemType>();
  for (const { type, title, status } of [...fromClasses, ...written]) byType.set(type, { type, title, status });
  return [...byType.values()].sort((a, b) => a.status - b.status || a.type.localeCompare(b.type));
}

/** RFC 9457 problem details, as every error of the API is answered (lib/domain/errors/problem.ts). */
export function problemSchema(types: readonly ProblemType[]): z.ZodType {
  const [first, ...rest] = types.map((t) => t.type);
  return z.object({
    type: z.enum([first ?? 'internal-error', ...rest]),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().describe('What happened and what to do next, for people'),
    instance: z.string().optional().describe('The request id: the same id is in the portal’s log and the activity record'),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional().describe('Each field at fault'),
    findings: z.array(findingView).optional().describe('policy-violation and policy-input: the findings that block the request'),
    serviceState: z.string().optional().describe('conflict: the state the service is in'),
    max: z.number().int().optional().describe('too-many-sockets: how many log and shell sockets one person may hold'),
    outcome: z.literal('unknown').optional().describe('unavailable: Rancher did not answer a change in time, so it may or may not have been done'),
    expected: z.string().optional().describe('secret-name: the names the stack’s convention allows'),
    services: z.array(z.string()).optional().describe('conflict, removing a secret: the services that still mount it'),
  });
}

/** `ProblemType`: one `const` per type, with its status and title, so a client can switch on `type`. */
export function problemTypeSchema(types: readonly ProblemType[]): JsonSchema {
  return {
    description: 'The `type` values of problem+json answers: short names, stable across versions.',
    oneOf: types.map(({ type, title, status }) => ({ const: type, title, description: `HTTP ${status}` })),
  };
}

export function problemComponents(): Record<string, JsonSchema> {
  const types = problemTypes();
  const problem = jsonSchema(problemSchema(types), 'output') as { properties: Record<string, unknown> };
  problem.properties.type = { $ref: '#/components/schemas/ProblemType' };
  return { Problem: problem, ProblemType: problemTypeSchema(types) };
}

/** What a status means, wherever it is answered. */
export const problemDescriptions: Record<number, string> = {
  400: 'Invalid input (a malformed id, query or body, or an undecodable path): `errors` names each field at fault',
  401: 'Not signed in, or the session or token has ended',
  403: 'Missing right, a staff-only request, or a cookie request without the portal’s own Origin',
  404: 'No such resource, or not shared with you (the two look the same)',
  409: 'Rancher refuses this in the current state; `detail` says what to do next',
  411: 'A streamed body needs a Content-Length',
  413: 'The body is over 1 MiB (policy checks: a file over 512 KiB)',
  415: 'The body must be application/json',
  422: 'The change breaks Spin policy or cannot be checked (`findings` lists why), or a secret name breaks the stack’s convention (`expected`)',
  429: 'Too many attempts or open sockets; `Retry-After` says when to try again where known',
  500: 'Unexpected error, logged; quote `instance` when you report it',
  502: 'Rancher gave an unexpected answer',
  503: 'Rancher, the directory, the audit store or the policy checker is unavailable',
};
