import 'server-only';
import { PayloadTooLargeError, PolicyInputError, UnavailableError } from '@/lib/domain/errors/app-error';
import type { PolicyCheckRequest } from '@/lib/domain/policy/check-input';
import type { Finding, PolicySummary } from '@/lib/domain/policy/finding';
import { policyCheckLimits, type PolicyCheckJob, type PolicyCheckOutcome } from '@/lib/domain/policy/policy-check-job';
import { policyCheckPool, policyCheckTimeoutMs, type PolicyCheckPool } from './policy-check-pool';
import { WorkerCrashedError, WorkerPoolClosedError, WorkerPoolFullError, WorkerTimeoutError } from './worker-pool';

const textFields = ['compose', 'rancherCompose', 'dockerfile', 'waivers'] as const;

const kib = (bytes: number) => Math.ceil(bytes / 1024);

/** 413 for a file over the limit, measured before anything parses it. */
function refuseOversizedFiles(request: PolicyCheckRequest): void {
  const { maxFileBytes } = policyCheckLimits;
  for (const field of textFields) {
    const text = request[field];
    const bytes = text === undefined ? 0 : Buffer.byteLength(text, 'utf8');
    if (bytes > maxFileBytes) {
      throw new PayloadTooLargeError(`${field} is ${kib(bytes)} KiB; a policy check takes files of at most ${kib(maxFileBytes)} KiB.`, {
        errors: [{ path: field, message: `at most ${kib(maxFileBytes)} KiB` }],
      });
    }
  }
}

/** The pool's refusals in the portal's terms: a busy or stopped checker is 503, a runaway check 422. */
async function runInPool(pool: PolicyCheckPool, request: PolicyCheckJob): Promise<PolicyCheckOutcome> {
  try {
    return await pool.run(request);
  } catch (err) {
    if (err instanceof WorkerPoolFullError) throw new UnavailableError('The policy checker is busy with other checks; try again in a moment.', undefined, 1);
    if (err instanceof WorkerPoolClosedError) throw new UnavailableError('The portal is shutting down; try again in a moment.', undefined, 5);
    if (err instanceof WorkerCrashedError) throw new UnavailableError('The policy checker stopped while checking this input; try again, or check a smaller input.', undefined, 1);
    if (err instanceof WorkerTimeoutError) {
      throw new PolicyInputError(`The policy check took longer than ${policyCheckTimeoutMs / 1000} s and was stopped; check the stack in smaller parts.`);
    }
    throw err;
  }
}

/**
 * `POST /api/v1/policy/check` off the request thread: size limits first, then the check in a worker
 * thread, so a large input never stalls other requests (issue #18).
 */
export async function checkPolicyRequest(request: PolicyCheckJob, pool: PolicyCheckPool = policyCheckPool()): Promise<{ findings: Finding[]; summary: PolicySummary }> {
  refuseOversizedFiles(request);
  const outcome = await runInPool(pool, request);
  switch (outcome.kind) {
    case 'too-many-services': {
      const { maxServices } = policyCheckLimits;
      throw new PolicyInputError(`compose has ${outcome.services} services; a policy check takes at most ${maxServices}. Check the stack in parts, or run spin-policy on it.`, {
        errors: [{ path: 'compose', message: `at most ${maxServices} services` }],
      });
    }
    case 'unreadable':
      throw new PolicyInputError('The input cannot be read: the findings say which file and where.', { findings: outcome.findings });
    case 'checked':
      return { findings: outcome.findings, summary: { errors: outcome.summary.errors, warnings: outcome.summary.warnings } };
  }
}
