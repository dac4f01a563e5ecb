import 'server-only';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PolicyCheckJob, PolicyCheckOutcome } from '@/lib/domain/policy/policy-check-job';
import { createWorkerPool, type WorkerPool } from './worker-pool';

/** The worker thread's program: the built `dist/policy-worker.cjs`, or its TypeScript source under tsx. */
export interface PolicyWorkerScript {
  file: string;
  execArgv: string[];
}

export type PolicyCheckPool = WorkerPool<PolicyCheckJob, PolicyCheckOutcome>;

/** Longest a check may run; the largest allowed one takes about half a second on a quiet core. */
export const policyCheckTimeoutMs = 10_000;

// Shared through globalThis: the custom server installs the script (only it knows where its build
// lies), while Next's route bundle, a separate copy of this module, runs the checks.
const key = Symbol.for('spin-portal.policy-check-pool');
type Holder = { [key]?: { script: PolicyWorkerScript; pool?: PolicyCheckPool } };

/** Says where the worker program is; no thread starts until the first check. */
export function installPolicyWorker(script: PolicyWorkerScript): void {
  const holder = globalThis as Holder;
  holder[key] ??= { script };
}

/** The process's pool of policy workers, created on first use. */
export function policyCheckPool(): PolicyCheckPool {
  const installed = (globalThis as Holder)[key];
  if (!installed) throw new Error('The policy worker is not installed: the portal runs through its custom server (server/main.ts).');
  installed.pool ??= createWorkerPool<PolicyCheckJob, PolicyCheckOutcome>({
    spawn: () =>
      new Worker(installed.script.file, {
        execArgv: installed.script.execArgv,
        // A check that eats memory kills its worker, never the portal.
        resourceLimits: { maxOldGenerationSizeMb: 256 },
      }),
    // Leave a core for the event loop that answers everyone else.
    size: Math.max(1, Math.min(2, availableParallelism() - 1)),
    maxQueue: 8,
    timeoutMs: policyCheckTimeoutMs,
  });
  return installed.pool;
}

/** Stops the policy workers (at shutdown, after requests have drained). */
export async function closePolicyCheckPool(): Promise<void> {
  const installed = (globalThis as Holder)[key];
  const pool = installed?.pool;
  if (!installed || !pool) return;
  installed.pool = undefined;
  await pool.close();
}
