import { browserTimers, type TimerHandle, type Timers } from './timers';

/** How often incoming lines reach the view: a busy container writes faster than React should render. */
export const defaultFlushMs = 100;

/**
 * Collects items and hands them over together at most every `intervalMs`: the first item of a batch
 * starts the timer, so a quiet log shows a line within one interval and a flood costs ten renders a second.
 */
export class FrameBatcher<T> {
  private pending: T[] = [];
  private timer: TimerHandle | null = null;

  constructor(
    private readonly onFlush: (items: T[]) => void,
    private readonly intervalMs: number = defaultFlushMs,
    private readonly timers: Timers = browserTimers,
  ) {}

  get size(): number {
    return this.pending.length;
  }

  add(item: T): void {
    this.pending.push(item);
    this.timer ??= this.timers.setTimeout(() => this.flush(), this.intervalMs);
  }

  /** Hands over what is pending now (nothing happens when nothing is). */
  flush(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.length === 0) return;
    const items = this.pending;
    this.pending = [];
    this.onFlush(items);
  }

  /** Forgets what is pending, without handing it over. */
  discard(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    this.pending = [];
  }
}
