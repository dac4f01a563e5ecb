// The policy worker thread's program, built to dist/policy-worker.cjs (scripts/build.mjs). It checks
// one request at a time for the pool in lib/policy-worker, off the portal's event loop.
import { parentPort } from 'node:worker_threads';
import { runPolicyCheckJob, type PolicyCheckJob, type PolicyCheckOutcome } from '@/lib/domain/policy/policy-check-job';
import type { WorkerReply } from '@/lib/policy-worker/worker-pool';

const port = parentPort;
if (!port) throw new Error('server/policy-worker runs as a worker thread of the portal');

port.on('message', (request: PolicyCheckJob) => {
  let reply: WorkerReply<PolicyCheckOutcome>;
  try {
    reply = { ok: true, value: runPolicyCheckJob(request) };
  } catch (err) {
    reply = { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply);
});
