import type { FaultState } from '../faults/faults';
import { isoTime } from '../world/record-factory';
import type { World } from '../world/world';
import type { AnyRecord } from '../world/world-types';
import { type Clock, ClockClosed } from './clock';

/** Thrown inside a process whose resource was taken over by a newer process. */
export class Superseded extends Error {
  constructor() {
    super('superseded by a newer process');
  }
}

/** A refusal Rancher answers with 422 (InvalidState, MissingRequired, InvalidOption…). */
export class ProcessRefused extends Error {
  constructor(
    readonly code: string,
    message: string | null,
    readonly fieldName: string | null = null,
  ) {
    super(message ?? code);
  }
}

export type Outcome = 'done' | 'superseded' | 'stuck' | 'failed';

export interface ProcessContext {
  /** Waits `steps`, then fails with Superseded if another process took the resource meanwhile. */
  step(steps: number): Promise<void>;
  /** Reports how far the process is, as Rancher's transitioningProgress (0–100). */
  progress(percent: number): void;
  /** Ends the process in `state`; transitioning "error" keeps the state and shows the message. */
  settle(state: string, error?: string): void;
  readonly isCurrent: boolean;
}

/** Steps after which a removed record is purged, as Rancher's purge does long after a remove. */
const purgeAfterSteps = 600;

/**
 * Runs Rancher processes: the resource enters its transitional state at once (so the 202 answer shows
 * it), the body runs in the background, and starting a new process on the same resource supersedes
 * the old one at its next step, the way a deactivate interrupts an activate.
 */
export class ProcessRunner {
  private readonly generations = new Map<string, number>();

  constructor(
    private readonly world: World,
    private readonly clock: Clock,
    private readonly faults: FaultState,
  ) {}

  run(record: AnyRecord, transitional: string, body: (p: ProcessContext) => Promise<void>): Promise<Outcome> {
    const generation = (this.generations.get(record.id) ?? 0) + 1;
    this.generations.set(record.id, generation);
    record.state = transitional;
    record.transitioning = 'yes';
    record.transitioningMessage = 'In Progress';
    record.transitioningProgress = null;
    this.world.changed(record);

    const isCurrent = () => this.generations.get(record.id) === generation;
    const stuck = this.faults.value.stuck_transition;
    if (stuck !== 'off') return this.stick(record, stuck, isCurrent);

    const ctx: ProcessContext = {
      step: async (steps) => {
        await this.clock.wait(steps);
        if (!isCurrent()) throw new Superseded();
      },
      progress: (percent) => {
        if (!isCurrent()) return;
        record.transitioningProgress = Math.round(percent);
        this.world.changed(record);
      },
      settle: (state, error) => {
        if (!isCurrent()) throw new Superseded();
        this.settle(record, state, error);
      },
      get isCurrent() {
        return isCurrent();
      },
    };
    return body(ctx).then(
      () => 'done' as const,
      (err: unknown) => {
        if (err instanceof Superseded || err instanceof ClockClosed) return 'superseded' as const;
        console.error('rancher-sim: process failed', err);
        return 'failed' as const;
      },
    );
  }

  /** Makes any running process on the resource stop at its next step. */
  supersede(id: string): void {
    this.generations.set(id, (this.generations.get(id) ?? 0) + 1);
  }

  private settle(record: AnyRecord, state: string, error?: string): void {
    record.state = state;
    record.transitioning = error ? 'error' : 'no';
    record.transitioningMessage = error ?? null;
    record.transitioningProgress = null;
    if (state === 'removed') {
      record.removed = isoTime(Date.now());
      const id = record.id;
      this.clock.schedule(purgeAfterSteps, () => this.world.purge(id));
    }
    this.world.changed(record);
  }

  private async stick(record: AnyRecord, mode: 'yes' | 'error', isCurrent: () => boolean): Promise<Outcome> {
    if (mode === 'error') {
      try {
        await this.clock.wait(1);
      } catch {
        return 'superseded';
      }
      if (!isCurrent()) return 'superseded';
      record.transitioning = 'error';
      record.transitioningMessage = this.faults.value.stuck_message;
      this.world.changed(record);
    }
    return 'stuck';
  }
}
