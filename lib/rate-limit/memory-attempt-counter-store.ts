import 'server-only';
import type { AttemptCounterStore, AttemptWindow } from './attempt-counter-store';

/** In-process counters: right for one portal; lost on restart, not shared between replicas. */
export class MemoryAttemptCounterStore implements AttemptCounterStore {
  private readonly failures = new Map<string, number[]>();

  async hit(key: string, windowMs: number, now: number): Promise<AttemptWindow> {
    const kept = this.inWindow(key, windowMs, now);
    kept.push(now);
    this.failures.set(key, kept);
    return { count: kept.length, oldestAt: kept[0] ?? null };
  }

  async peek(key: string, windowMs: number, now: number): Promise<AttemptWindow> {
    const kept = this.inWindow(key, windowMs, now);
    if (kept.length === 0) this.failures.delete(key);
    else this.failures.set(key, kept);
    return { count: kept.length, oldestAt: kept[0] ?? null };
  }

  async reset(key: string): Promise<void> {
    this.failures.delete(key);
  }

  private inWindow(key: string, windowMs: number, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((at) => at > now - windowMs);
  }
}
