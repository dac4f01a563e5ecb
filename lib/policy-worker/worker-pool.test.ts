import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkerPool, WorkerCrashedError, WorkerJobError, WorkerPoolClosedError, WorkerPoolFullError, WorkerTimeoutError, type WorkerPool } from './worker-pool';

type Job = { kind: 'double'; n: number } | { kind: 'sleep'; ms: number } | { kind: 'spin' } | { kind: 'exit' } | { kind: 'throw-later' } | { kind: 'refuse' };

// A worker that speaks the pool's protocol and misbehaves on request.
const program = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (job) => {
  if (job.kind === 'double') parentPort.postMessage({ ok: true, value: job.n * 2 });
  if (job.kind === 'sleep') {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, job.ms);
    parentPort.postMessage({ ok: true, value: job.ms });
  }
  if (job.kind === 'spin') for (;;);
  if (job.kind === 'exit') process.exit(3);
  if (job.kind === 'throw-later') setImmediate(() => { throw new Error('boom'); });
  if (job.kind === 'refuse') parentPort.postMessage({ ok: false, message: 'cannot do that' });
});
`;

let pool: WorkerPool<Job, number> | undefined;
let spawned = 0;

function testPool(options: { size?: number; maxQueue?: number; timeoutMs?: number } = {}): WorkerPool<Job, number> {
  spawned = 0;
  pool = createWorkerPool<Job, number>({
    spawn: () => {
      spawned++;
      return new Worker(program, { eval: true });
    },
    size: options.size ?? 1,
    maxQueue: options.maxQueue ?? 2,
    timeoutMs: options.timeoutMs ?? 5_000,
  });
  return pool;
}

afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe('createWorkerPool', () => {
  it('starts workers only when jobs arrive, and no more than its size', async () => {
    const p = testPool({ size: 2, maxQueue: 4 });
    expect(p.stats()).toEqual({ workers: 0, busy: 0, queued: 0 });
    expect(await p.run({ kind: 'double', n: 21 })).toBe(42);
    expect(spawned).toBe(1);
    const results = await Promise.all([1, 2, 3, 4].map((n) => p.run({ kind: 'double', n })));
    expect(results).toEqual([2, 4, 6, 8]);
    expect(spawned).toBe(2);
  });

  it('refuses a job when every worker is busy and the queue is full, and runs the ones it took', async () => {
    const p = testPool({ size: 1, maxQueue: 2 });
    const taken = [p.run({ kind: 'sleep', ms: 150 }), p.run({ kind: 'sleep', ms: 1 }), p.run({ kind: 'sleep', ms: 2 })];
    expect(p.stats()).toEqual({ workers: 1, busy: 1, queued: 2 });
    await expect(p.run({ kind: 'double', n: 1 })).rejects.toBeInstanceOf(WorkerPoolFullError);
    expect(await Promise.all(taken)).toEqual([150, 1, 2]);
    expect(await p.run({ kind: 'double', n: 1 })).toBe(2);
  });

  it('stops a job that runs past the timeout, replaces its worker and goes on with the queue', async () => {
    // Generous enough for a replacement worker to start on a loaded machine; the stuck job never ends.
    const p = testPool({ timeoutMs: 2_000 });
    const started = Date.now();
    const stuck = p.run({ kind: 'spin' });
    const next = p.run({ kind: 'double', n: 5 });
    await expect(stuck).rejects.toBeInstanceOf(WorkerTimeoutError);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await next).toBe(10);
    expect(spawned).toBe(2);
  });

  it.each([
    { name: 'exits', job: { kind: 'exit' } as const },
    { name: 'throws outside a job', job: { kind: 'throw-later' } as const },
  ])('fails the job of a worker that $name and serves the next one with a new worker', async ({ job }) => {
    const p = testPool();
    await expect(p.run(job)).rejects.toBeInstanceOf(WorkerCrashedError);
    expect(await p.run({ kind: 'double', n: 4 })).toBe(8);
    expect(spawned).toBe(2);
  });

  it('passes on a job the worker refused, keeping the worker', async () => {
    const p = testPool();
    await expect(p.run({ kind: 'refuse' })).rejects.toEqual(new WorkerJobError('cannot do that'));
    expect(await p.run({ kind: 'double', n: 1 })).toBe(2);
    expect(spawned).toBe(1);
  });

  it('on close, fails running and queued jobs, stops its workers and takes no more', async () => {
    const p = testPool();
    const running = expect(p.run({ kind: 'spin' })).rejects.toBeInstanceOf(WorkerPoolClosedError);
    const queued = expect(p.run({ kind: 'double', n: 1 })).rejects.toBeInstanceOf(WorkerPoolClosedError);
    await p.close();
    await Promise.all([running, queued]);
    expect(p.stats()).toEqual({ workers: 0, busy: 0, queued: 0 });
    await expect(p.run({ kind: 'double', n: 1 })).rejects.toBeInstanceOf(WorkerPoolClosedError);
  });
});
