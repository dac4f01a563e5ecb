/** Where rows sit in a virtual list: the list renders only the rows its viewport reaches. */
export interface RowLayout {
  readonly count: number;
  /** Total height of all rows. */
  readonly total: number;
  /** Top of row `index` (the total for index = count). */
  offsetOf(index: number): number;
  heightOf(index: number): number;
  /** The row covering `offset` (clamped to the rows). */
  indexAt(offset: number): number;
}

/** Rows of one height: every lookup is arithmetic (wrap off). */
export class FixedRowLayout implements RowLayout {
  readonly total: number;

  constructor(
    readonly count: number,
    private readonly rowHeight: number,
  ) {
    this.total = count * rowHeight;
  }

  offsetOf(index: number): number {
    return Math.max(0, Math.min(index, this.count)) * this.rowHeight;
  }

  heightOf(): number {
    return this.rowHeight;
  }

  indexAt(offset: number): number {
    if (this.count === 0) return 0;
    return Math.max(0, Math.min(this.count - 1, Math.floor(offset / this.rowHeight)));
  }
}

/**
 * Rows of differing heights (wrap on): a Fenwick tree of heights, so finding the row at a scroll offset
 * and the offset of a row are O(log n), and a measured row updates in O(log n). Built in O(n).
 */
export class MeasuredRowLayout implements RowLayout {
  private readonly tree: Float64Array;
  private readonly heights: Float64Array;
  private sum = 0;

  constructor(
    readonly count: number,
    heightOf: (index: number) => number,
  ) {
    this.heights = new Float64Array(count);
    this.tree = new Float64Array(count + 1);
    for (let i = 0; i < count; i++) {
      const h = heightOf(i);
      this.heights[i] = h;
      this.sum += h;
      this.tree[i + 1] = (this.tree[i + 1] as number) + h;
      const parent = i + 1 + ((i + 1) & -(i + 1));
      if (parent <= count) this.tree[parent] = (this.tree[parent] as number) + (this.tree[i + 1] as number);
    }
  }

  get total(): number {
    return this.sum;
  }

  heightOf(index: number): number {
    return this.heights[index] ?? 0;
  }

  /** Records a row's measured height. */
  setHeight(index: number, height: number): void {
    if (index < 0 || index >= this.count) return;
    const delta = height - (this.heights[index] as number);
    if (delta === 0) return;
    this.heights[index] = height;
    this.sum += delta;
    for (let i = index + 1; i <= this.count; i += i & -i) this.tree[i] = (this.tree[i] as number) + delta;
  }

  offsetOf(index: number): number {
    let total = 0;
    for (let i = Math.max(0, Math.min(index, this.count)); i > 0; i -= i & -i) total += this.tree[i] as number;
    return total;
  }

  indexAt(offset: number): number {
    if (this.count === 0) return 0;
    // Descend the tree for the last row whose top is <= offset.
    let position = 0;
    let remaining = offset;
    for (let step = highestPowerOfTwo(this.count); step > 0; step >>= 1) {
      const next = position + step;
      if (next <= this.count && (this.tree[next] as number) <= remaining) {
        position = next;
        remaining -= this.tree[next] as number;
      }
    }
    return Math.min(position, this.count - 1);
  }
}

function highestPowerOfTwo(n: number): number {
  let power = 1;
  while (power * 2 <= n) power *= 2;
  return power;
}

/** The rows to render for a viewport: those it shows plus `overscan` on each side. */
export function visibleRows(layout: RowLayout, scrollTop: number, viewportHeight: number, overscan: number): { start: number; end: number } {
  if (layout.count === 0) return { start: 0, end: 0 };
  const first = layout.indexAt(scrollTop);
  const last = layout.indexAt(scrollTop + Math.max(0, viewportHeight - 1));
  return { start: Math.max(0, first - overscan), end: Math.min(layout.count, last + 1 + overscan) };
}

/**
 * A wrapped line's height before it is measured: its characters over the characters a row holds, so the
 * scrollbar is nearly right even for rows never rendered.
 */
export function estimateWrappedHeight(characters: number, charactersPerRow: number, rowHeight: number): number {
  const perRow = Math.max(1, Math.floor(charactersPerRow));
  return Math.max(1, Math.ceil(characters / perRow)) * rowHeight;
}
