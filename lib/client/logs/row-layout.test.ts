import { describe, expect, it } from 'vitest';
import { estimateWrappedHeight, FixedRowLayout, MeasuredRowLayout, visibleRows } from './row-layout';

describe('FixedRowLayout', () => {
  const layout = new FixedRowLayout(100_000, 20);
  it('places rows by arithmetic', () => {
    expect(layout.total).toBe(2_000_000);
    expect(layout.offsetOf(3)).toBe(60);
    expect(layout.indexAt(59)).toBe(2);
    expect(layout.indexAt(60)).toBe(3);
    expect(layout.indexAt(-5)).toBe(0);
    expect(layout.indexAt(9e9)).toBe(99_999);
  });
});

describe('MeasuredRowLayout', () => {
  it('agrees with a plain prefix sum', () => {
    const heights = Array.from({ length: 1_000 }, (_, i) => 20 * (1 + ((i * 7) % 4)));
    const layout = new MeasuredRowLayout(heights.length, (i) => heights[i] ?? 0);
    let offset = 0;
    for (let i = 0; i < heights.length; i++) {
      expect(layout.offsetOf(i)).toBe(offset);
      expect(layout.indexAt(offset)).toBe(i);
      expect(layout.indexAt(offset + (heights[i] ?? 0) - 1)).toBe(i);
      offset += heights[i] ?? 0;
    }
    expect(layout.total).toBe(offset);
    expect(layout.offsetOf(heights.length)).toBe(offset);
  });

  it('moves every later row when one is measured', () => {
    const layout = new MeasuredRowLayout(5, () => 20);
    layout.setHeight(1, 60);
    expect(layout.heightOf(1)).toBe(60);
    expect(layout.offsetOf(2)).toBe(80);
    expect(layout.offsetOf(4)).toBe(120);
    expect(layout.total).toBe(140);
    expect(layout.indexAt(79)).toBe(1);
    expect(layout.indexAt(80)).toBe(2);
    layout.setHeight(9, 100);
    expect(layout.total).toBe(140);
  });

  it('handles an empty list', () => {
    const layout = new MeasuredRowLayout(0, () => 20);
    expect(layout.total).toBe(0);
    expect(layout.indexAt(100)).toBe(0);
    expect(visibleRows(layout, 0, 500, 5)).toEqual({ start: 0, end: 0 });
  });
});

describe('visibleRows', () => {
  it('covers the viewport plus overscan, within the rows', () => {
    const layout = new FixedRowLayout(100_000, 20);
    expect(visibleRows(layout, 2_000, 400, 10)).toEqual({ start: 90, end: 130 });
    expect(visibleRows(layout, 0, 400, 10)).toEqual({ start: 0, end: 30 });
    expect(visibleRows(layout, layout.total - 400, 400, 10)).toEqual({ start: 99_970, end: 100_000 });
  });
});

describe('estimateWrappedHeight', () => {
  it('counts the rows a line wraps to', () => {
    expect(estimateWrappedHeight(0, 80, 20)).toBe(20);
    expect(estimateWrappedHeight(80, 80, 20)).toBe(20);
    expect(estimateWrappedHeight(81, 80, 20)).toBe(40);
    expect(estimateWrappedHeight(10, 0, 20)).toBe(200);
  });
});
