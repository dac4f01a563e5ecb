/** Raised inside a process when the simulator shuts down while it waits. */
export class ClockClosed extends Error {
  constructor() {
    super('simulator stopped');
  }
}

/**
 * Rancher's time, scaled. Durations are given in steps, one step being about a second of real
 * Rancher work; `stepMs` says how long a step lasts here (about 1 s in demo, a few ms in tests) and
 * the transition_speed knob scales it further.
 */
export class Clock {
  private closed = false;
  private readonly timers = new Map<NodeJS.Timeout, () => void>();

  constructor(
    readonly stepMs: number,
    private readonly speed: () => number = () => 1,
  ) {}

  millisFor(steps: number): number {
    return Math.max(0, steps * this.stepMs * this.speed());
  }

  /** Resolves after `steps`; rejects with ClockClosed if the simulator stops first. */
  wait(steps: number): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.closed) {
        reject(new ClockClosed());
        return;
      }
      this.arm(this.millisFor(steps), resolve, () => reject(new ClockClosed()));
    });
  }

  /** Runs `fn` after `steps` unless cancelled or closed; returns the cancel function. */
  schedule(steps: number, fn: () => void): () => void {
    if (this.closed) return () => undefined;
    const timer = this.arm(this.millisFor(steps), fn, () => undefined);
    return () => {
      clearTimeout(timer);
      this.timers.delete(timer);
    };
  }

  close(): void {
    this.closed = true;
    for (const [timer, onClose] of this.timers) {
      clearTimeout(timer);
      onClose();
    }
    this.timers.clear();
  }

  private arm(ms: number, fn: () => void, onClose: () => void): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.set(timer, onClose);
    return timer;
  }
}
