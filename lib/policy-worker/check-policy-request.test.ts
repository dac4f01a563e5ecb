import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { isAppError } from '@/lib/domain/errors/app-error';
import { composeYaml } from '@/lib/domain/policy/compose-yaml';
import { policyWorkerScript } from '@/server/policy-worker-script';
import { yamlAliasBomb } from '@/test/helpers/yaml-alias-bomb';
import { checkPolicyRequest } from './check-policy-request';
import type { PolicyCheckPool } from './policy-check-pool';
import { createWorkerPool, WorkerCrashedError, WorkerPoolClosedError, WorkerPoolFullError, WorkerTimeoutError } from './worker-pool';

// The worker program as `npm run dev` runs it (TypeScript through tsx); the built one is covered by
// policy-check-api.int.test.ts.
const script = policyWorkerScript(resolve(__dirname, '../../server'));
const pool: PolicyCheckPool = createWorkerPool({ spawn: () => new Worker(script.file, { execArgv: script.execArgv }), size: 1, maxQueue: 4, timeoutMs: 20_000 });
afterAll(() => pool.close());

/** What `checkPolicyRequest` threw, as the route would answer it. */
async function refusal(promise: Promise<unknown>): Promise<{ status: number; type: string; message: string; retryAfter?: number; extra: Record<string, unknown> }> {
  const err: unknown = await promise.then(
    () => new Error('expected a refusal'),
    (e: unknown) => e,
  );
  if (!isAppError(err)) throw err;
  return { status: err.status, type: err.type, message: err.message, retryAfter: (err as { retryAfterSeconds?: number }).retryAfterSeconds, extra: { ...err.extra } };
}

function failingPool(error: Error): PolicyCheckPool {
  return { run: () => Promise.reject(error), close: () => Promise.resolve(), stats: () => ({ workers: 0, busy: 0, queued: 0 }) };
}

describe('checkPolicyRequest', () => {
  it('checks in the worker and answers findings with errors and warnings counted', async () => {
    const answer = await checkPolicyRequest({ compose: composeYaml('web:\n  image: nginx:1.15\n  privileged: true') }, pool);
    expect(answer.findings.map((f) => f.ruleId)).toContain('no-privileged');
    expect(answer.summary).toEqual({ errors: 1, warnings: expect.any(Number) });
  });

  it('refuses a file over 512 KiB with 413 naming the field, without running the check', async () => {
    const run = () => Promise.reject(new Error('must not run'));
    const r = await refusal(checkPolicyRequest({ rancherCompose: `# ${'x'.repeat(512 * 1024)}\n` }, { ...failingPool(new Error()), run }));
    expect(r).toMatchObject({ status: 413, message: 'rancherCompose is 513 KiB; a policy check takes files of at most 512 KiB.' });
    expect(r.extra.errors).toEqual([{ path: 'rancherCompose', message: 'at most 512 KiB' }]);
  });

  it('refuses more than 200 services with 422 naming the limit', async () => {
    const compose = composeYaml(Array.from({ length: 201 }, (_, i) => `s${i}:\n  image: nginx:1.15`).join('\n'));
    const r = await refusal(checkPolicyRequest({ compose }, pool));
    expect(r).toMatchObject({ status: 422, type: 'policy-input', message: expect.stringMatching(/^compose has 201 services; a policy check takes at most 200\./) });
  });

  it('answers an unreadable file with 422 carrying the input-malformed findings', async () => {
    const r = await refusal(checkPolicyRequest({ compose: yamlAliasBomb() }, pool));
    expect(r).toMatchObject({ status: 422, type: 'policy-input' });
    expect(r.extra.findings).toEqual([expect.objectContaining({ ruleId: 'input-malformed', line: 2, column: 8, message: expect.stringMatching(/alias bomb/) })]);
  });

  it.each([
    { name: 'a full queue', error: new WorkerPoolFullError(), status: 503, retryAfter: 1, message: /busy/ },
    { name: 'a crashed worker', error: new WorkerCrashedError(), status: 503, retryAfter: 1, message: /stopped while checking/ },
    { name: 'a closing pool', error: new WorkerPoolClosedError(), status: 503, retryAfter: 5, message: /shutting down/ },
    { name: 'a check past its time', error: new WorkerTimeoutError(), status: 422, retryAfter: undefined, message: /longer than 10 s/ },
  ])('answers $name with $status and a message saying what to do', async ({ error, status, retryAfter, message }) => {
    const r = await refusal(checkPolicyRequest({ compose: composeYaml('web:\n  image: nginx:1.15') }, failingPool(error)));
    expect(r).toMatchObject({ status, message: expect.stringMatching(message), retryAfter });
  });
});
