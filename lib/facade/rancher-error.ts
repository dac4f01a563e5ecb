import 'server-only';
import { toProblem } from '@/lib/domain/errors/problem';

/** Rancher's error resource (rancher-api.md §5.6), the body the `rancher` CLI prints on a failure. */
export interface RancherErrorBody {
  type: 'error';
  baseType: 'error';
  links: Record<string, never>;
  actions: Record<string, never>;
  status: number;
  code: string;
  message: string;
  detail: string | null;
  fieldName?: string;
}

const codes: Record<number, string> = {
  400: 'InvalidFormat',
  401: 'Unauthorized',
  403: 'PermissionDenied',
  404: 'NotFound',
  409: 'Conflict',
  413: 'MaxLimitExceeded',
  422: 'InvalidOption',
  429: 'TooManyRequests',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
};

export function rancherError(status: number, message: string, options: { code?: string; detail?: string | null; fieldName?: string } = {}): RancherErrorBody {
  return {
    type: 'error',
    baseType: 'error',
    links: {},
    actions: {},
    status,
    code: options.code ?? codes[status] ?? 'ServerError',
    message,
    detail: options.detail ?? null,
    ...(options.fieldName ? { fieldName: options.fieldName } : {}),
  };
}

interface FindingLike {
  ruleId?: unknown;
  message?: unknown;
  path?: unknown;
}

/**
 * Anything thrown, in Rancher's error shape: the portal's own status and words, a policy refusal with
 * every finding's rule id in the message (the CLI prints only the body), anything unexpected a bare 500.
 */
export function rancherErrorOf(err: unknown, requestId: string): { body: RancherErrorBody; isUnexpected: boolean } {
  const { problem, isUnexpected } = toProblem(err, requestId);
  const findings = Array.isArray(problem.findings) ? (problem.findings as FindingLike[]) : [];
  if (findings.length > 0) {
    const listed = findings.map((f) => `[${String(f.ruleId)}] ${String(f.message)}`).join('; ');
    return { body: rancherError(problem.status, `Refused by Spin policy: ${listed}`, { code: 'PolicyViolation', detail: `request ${requestId}` }), isUnexpected };
  }
  const field = problem.errors?.[0]?.path;
  return {
    body: rancherError(problem.status, problem.detail, { detail: `request ${requestId}`, ...(field && problem.status === 400 ? { fieldName: field } : {}) }),
    isUnexpected,
  };
}
