import 'server-only';
import type { Worker } from 'node:worker_threads';

/** What a worker posts back for each job it was given (one job at a time). */
export type WorkerReply<Out> = { ok: true; value: Out } | { ok: false; message: string };

/** Every worker is busy and `maxQueue` jobs already wait. */
export class WorkerPoolFullError extends Error {}
/** The job ran past `timeoutMs`; its worker was stopped. */
export class WorkerTimeoutError extends Error {}
/** The worker died (out of memory, an uncaught error) while running the job. */
export class WorkerCrashedError extends Error {}
/** The pool is closing or closed. */
export class WorkerPoolClosedError extends Error {}
/** The job itself threw inside the worker. */
export class WorkerJobError extends Error {}

export interface WorkerPoolOptions {
  /** Starts one worker thread: called on demand, and again to replace one that was stopped or died. */
  spawn: () => Worker;
  size: number;
  /** Jobs that may wait for a free worker; the next one is refused rather than queued. */
  maxQueue: number;
  /** A job still running after this long is abandoned and its worker terminated. */
  timeoutMs: number;
}

export interface WorkerPool<In, Out> {
  run(input: In): Promise<Out>;
  /** Refuses queued jobs, stops every worker, and resolves when they have exited. */
  close(): Promise<void>;
  stats(): { workers: number; busy: number; queued: number };
}

interface Job<In, Out> {
  input: In;
  resolve: (value: Out) => void;
  reject: (err: Error) => void;
}

interface Slot<In, Out> {
  worker: Worker;
  job: Job<In, Out> | null;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/**
 * A small pool of worker threads for work that must not hold up the event loop. Workers start on
 * first use, one job each at a time; the queue is bounded, and a job that hangs or kills its worker
 * fails alone while a fresh worker takes the next one.
 */
export function createWorkerPool<In, Out>(options: WorkerPoolOptions): WorkerPool<In, Out> {
  const slots = new Set<Slot<In, Out>>();
  const queue: Job<In, Out>[] = [];
  let isClosed = false;

  function settle(slot: Slot<In, Out>, outcome: { value: Out } | { error: Error }): void {
    const job = slot.job;
    clearTimeout(slot.timer);
    slot.job = null;
    slot.timer = undefined;
    if (!job) return;
    if ('error' in outcome) job.reject(outcome.error);
    else job.resolve(outcome.value);
  }

  /** Takes a worker out of the pool for good, failing its job with `error`. */
  function retire(slot: Slot<In, Out>, error: Error): Promise<unknown> {
    if (!slots.delete(slot)) return Promise.resolve();
    settle(slot, { error });
    const exited = slot.worker.terminate();
    pump();
    return exited;
  }

  function start(): Slot<In, Out> {
    const slot: Slot<In, Out> = { worker: options.spawn(), job: null, timer: undefined };
    slots.add(slot);
    // Idle workers must not keep a process alive that has nothing else to do.
    slot.worker.unref();
    slot.worker.on('message', (reply: WorkerReply<Out>) => {
      settle(slot, reply.ok ? { value: reply.value } : { error: new WorkerJobError(reply.message) });
      pump();
    });
    slot.worker.on('error', (err) => void retire(slot, new WorkerCrashedError(`the worker failed: ${err.message}`)));
    slot.worker.on('exit', (code) => void retire(slot, new WorkerCrashedError(`the worker exited with code ${code}`)));
    return slot;
  }

  function assign(slot: Slot<In, Out>, job: Job<In, Out>): void {
    slot.job = job;
    slot.timer = setTimeout(() => void retire(slot, new WorkerTimeoutError(`the job took longer than ${options.timeoutMs} ms`)), options.timeoutMs);
    try {
      slot.worker.postMessage(job.input);
    } catch (err) {
      settle(slot, { error: err instanceof Error ? err : new Error(String(err)) });
    }
  }

  function pump(): void {
    while (!isClosed && queue.length > 0) {
      const slot = [...slots].find((s) => s.job === null) ?? (slots.size < options.size ? start() : undefined);
      const job = slot ? queue.shift() : undefined;
      if (!slot || !job) return;
      assign(slot, job);
    }
  }

  function hasFreeWorker(): boolean {
    return slots.size < options.size || [...slots].some((s) => s.job === null);
  }

  return {
    run(input) {
      if (isClosed) return Promise.reject(new WorkerPoolClosedError('the pool is closed'));
      if (!hasFreeWorker() && queue.length >= options.maxQueue) return Promise.reject(new WorkerPoolFullError(`${queue.length} jobs are already waiting`));
      return new Promise<Out>((resolve, reject) => {
        queue.push({ input, resolve, reject });
        pump();
      });
    },
    async close() {
      isClosed = true;
      for (const job of queue.splice(0)) job.reject(new WorkerPoolClosedError('the pool closed before the job started'));
      await Promise.all([...slots].map((slot) => retire(slot, new WorkerPoolClosedError('the pool closed while the job ran'))));
    },
    stats: () => ({ workers: slots.size, busy: [...slots].filter((s) => s.job !== null).length, queued: queue.length }),
  };
}
