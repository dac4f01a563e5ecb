import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FrameBatcher } from './frame-batcher';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('FrameBatcher', () => {
  it('hands over what arrived within one interval together', () => {
    const batches: number[][] = [];
    const batcher = new FrameBatcher<number>((items) => batches.push(items), 100);
    batcher.add(1);
    vi.advanceTimersByTime(50);
    batcher.add(2);
    expect(batches).toEqual([]);
    vi.advanceTimersByTime(50);
    expect(batches).toEqual([[1, 2]]);
    batcher.add(3);
    vi.advanceTimersByTime(99);
    expect(batches).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(batches).toEqual([[1, 2], [3]]);
  });

  it('renders at most ten times a second under a flood', () => {
    let flushes = 0;
    let items = 0;
    const batcher = new FrameBatcher<number>((batch) => {
      flushes++;
      items += batch.length;
    }, 100);
    for (let ms = 0; ms < 1_000; ms++) {
      batcher.add(ms);
      batcher.add(ms);
      vi.advanceTimersByTime(1);
    }
    expect(flushes).toBe(10);
    expect(items).toBe(2_000);
  });

  it('flushes on demand and discards without handing over', () => {
    const batches: number[][] = [];
    const batcher = new FrameBatcher<number>((batch) => batches.push(batch), 100);
    batcher.add(1);
    batcher.flush();
    expect(batches).toEqual([[1]]);
    batcher.add(2);
    batcher.discard();
    vi.advanceTimersByTime(500);
    expect(batches).toEqual([[1]]);
    expect(batcher.size).toBe(0);
  });
});
