import { describe, expect, it } from 'vitest';
import { LogRingBuffer, mergeSorted } from './log-ring-buffer';

const byValue = (a: number, b: number) => a - b;

describe('LogRingBuffer', () => {
  it('keeps the newest items up to its capacity and counts the evicted', () => {
    const buffer = new LogRingBuffer<number>(3);
    buffer.push(1, 2, 3, 4, 5);
    expect(buffer.toArray()).toEqual([3, 4, 5]);
    expect(buffer.length).toBe(3);
    expect(buffer.evicted).toBe(2);
    expect(buffer.at(0)).toBe(3);
    expect(buffer.at(2)).toBe(5);
    expect(buffer.at(3)).toBeUndefined();
    expect(buffer.at(-1)).toBeUndefined();
  });

  it('holds 100,000 items by default and forgets beyond', () => {
    const buffer = new LogRingBuffer<number>();
    for (let i = 0; i < 100_250; i++) buffer.push(i);
    expect(buffer.length).toBe(100_000);
    expect(buffer.evicted).toBe(250);
    expect(buffer.at(0)).toBe(250);
    expect(buffer.at(99_999)).toBe(100_249);
  });

  it('rejects capacities it cannot honour', () => {
    expect(() => new LogRingBuffer(0)).toThrow(RangeError);
    expect(() => new LogRingBuffer(500_001)).toThrow(RangeError);
    expect(new LogRingBuffer(500_000).capacity).toBe(500_000);
  });

  it('merges a sorted batch into its tail', () => {
    const buffer = new LogRingBuffer<number>(10);
    buffer.push(1, 3, 5, 7);
    buffer.mergeTail([4, 6, 8], byValue);
    expect(buffer.toArray()).toEqual([1, 3, 4, 5, 6, 7, 8]);
    buffer.mergeTail([0], byValue);
    expect(buffer.toArray()).toEqual([0, 1, 3, 4, 5, 6, 7, 8]);
    buffer.mergeTail([9, 10, 11], byValue);
    expect(buffer.toArray()).toEqual([1, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(buffer.evicted).toBe(1);
  });

  it('merges after it has wrapped around', () => {
    const buffer = new LogRingBuffer<number>(4);
    buffer.push(10, 20, 30, 40, 50, 60);
    buffer.mergeTail([45], byValue);
    expect(buffer.toArray()).toEqual([40, 45, 50, 60]);
    expect(buffer.evicted).toBe(3);
  });

  it('keeps its own item first among equals', () => {
    const buffer = new LogRingBuffer<{ k: number; from: string }>(10);
    buffer.push({ k: 1, from: 'old' }, { k: 2, from: 'old' });
    buffer.mergeTail([{ k: 1, from: 'new' }], (a, b) => a.k - b.k);
    expect(buffer.toArray().map((x) => `${x.k}${x.from}`)).toEqual(['1old', '1new', '2old']);
  });

  it('removes on request without counting evictions, and clears', () => {
    const buffer = new LogRingBuffer<number>(3);
    buffer.push(1, 2, 3, 4);
    expect(buffer.removeWhere((v) => v % 2 === 0)).toBe(2);
    expect(buffer.toArray()).toEqual([3]);
    expect(buffer.evicted).toBe(1);
    buffer.push(5, 6, 7);
    expect(buffer.toArray()).toEqual([5, 6, 7]);
    buffer.clear();
    expect(buffer.length).toBe(0);
    expect(buffer.evicted).toBe(0);
  });
});

describe('mergeSorted', () => {
  it('interleaves two sorted lists stably', () => {
    expect(mergeSorted([1, 4, 4, 9], [2, 4, 10], byValue)).toEqual([1, 2, 4, 4, 4, 9, 10]);
    expect(mergeSorted([], [1], byValue)).toEqual([1]);
  });
});

describe('LogRingBuffer with large batches', () => {
  it('merges a batch of 300,000 (a tail of "all")', () => {
    const buffer = new LogRingBuffer<number>(200_000);
    buffer.push(1);
    buffer.mergeTail(Array.from({ length: 300_000 }, (_, i) => i), byValue);
    expect(buffer.length).toBe(200_000);
    expect(buffer.at(199_999)).toBe(299_999);
  });
});
