import type { RowList } from './log-entry';

export const defaultLogCapacity = 100_000;
/** Above this a tab holds too much text to stay responsive (ux.md G1). */
export const maxLogCapacity = 500_000;

/**
 * A bounded list that forgets its oldest items once full, counting them so the view can say how many
 * older lines it dropped. Items are kept sorted by the caller's order: `mergeTail` inserts a sorted
 * batch, which costs only as much as the batch reaches back into the tail.
 */
export class LogRingBuffer<T> implements RowList<T> {
  readonly capacity: number;
  private items: T[] = [];
  private start = 0;
  private count = 0;
  private evictedCount = 0;

  constructor(capacity: number = defaultLogCapacity) {
    if (!Number.isInteger(capacity) || capacity < 1 || capacity > maxLogCapacity) {
      throw new RangeError(`Log capacity must be an integer from 1 to ${maxLogCapacity}, got ${capacity}`);
    }
    this.capacity = capacity;
  }

  get length(): number {
    return this.count;
  }

  /** Items pushed out of the front since the buffer was created or cleared. */
  get evicted(): number {
    return this.evictedCount;
  }

  at(index: number): T | undefined {
    if (!(index >= 0 && index < this.count)) return undefined;
    const slot = this.start + Math.floor(index);
    return this.items[slot < this.capacity ? slot : slot - this.capacity];
  }

  push(...values: T[]): void {
    for (const value of values) this.pushOne(value);
  }

  /**
   * Merges `batch` (sorted by `compare`) into the buffer (sorted by `compare`): the tail items that
   * sort after the batch's first item are taken off, merged with the batch, and pushed back. Equal items
   * keep the buffer's first.
   */
  mergeTail(batch: readonly T[], compare: (a: T, b: T) => number): void {
    const first = batch[0];
    if (first === undefined) return;
    let keep = this.count;
    for (;;) {
      const last = this.at(keep - 1);
      if (last === undefined || compare(last, first) <= 0) break;
      keep--;
    }
    const tail: T[] = [];
    for (let i = keep; i < this.count; i++) tail.push(this.at(i) as T);
    this.count = keep;
    // One by one: spreading a batch of 100,000 into push() would overflow the call stack.
    for (const value of mergeSorted(tail, batch, compare)) this.pushOne(value);
  }

  /** Drops every item `predicate` accepts (not counted as evicted: the caller asked for it). */
  removeWhere(predicate: (value: T) => boolean): number {
    const kept = this.toArray().filter((value) => !predicate(value));
    const removed = this.count - kept.length;
    if (removed > 0) {
      this.items = kept;
      this.start = 0;
      this.count = kept.length;
    }
    return removed;
  }

  clear(): void {
    this.items = [];
    this.start = 0;
    this.count = 0;
    this.evictedCount = 0;
  }

  toArray(): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.count; i++) out.push(this.at(i) as T);
    return out;
  }

  private pushOne(value: T): void {
    if (this.count < this.capacity) {
      const slot = (this.start + this.count) % this.capacity;
      if (slot === this.items.length) this.items.push(value);
      else this.items[slot] = value;
      this.count++;
      return;
    }
    this.items[this.start] = value;
    this.start = (this.start + 1) % this.capacity;
    this.evictedCount++;
  }
}

/** The stable merge of two sorted lists: on ties, `a`'s items come first. */
export function mergeSorted<T>(a: readonly T[], b: readonly T[], compare: (x: T, y: T) => number): T[] {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as T;
    const y = b[j] as T;
    if (compare(y, x) < 0) {
      out.push(y);
      j++;
    } else {
      out.push(x);
      i++;
    }
  }
  while (i < a.length) out.push(a[i++] as T);
  while (j < b.length) out.push(b[j++] as T);
  return out;
}
