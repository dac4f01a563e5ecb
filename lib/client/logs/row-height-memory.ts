/**
 * Heights measured for wrapped rows, by entry, for one context (list width and shown columns): a new
 * context forgets them, since every wrapped row may change height with it. Bounded: past `limit`
 * measurements it starts over, the oldest being of rows long scrolled past or dropped.
 */
export class RowHeightMemory {
  private context = '';
  private heights = new Map<number, number>();

  constructor(private readonly limit = 50_000) {}

  get(context: string, seq: number): number | undefined {
    return context === this.context ? this.heights.get(seq) : undefined;
  }

  /** Records a measurement; true when it differs from what was known. */
  set(context: string, seq: number, height: number): boolean {
    if (context !== this.context) {
      this.context = context;
      this.heights = new Map();
    }
    if (this.heights.get(seq) === height) return false;
    if (this.heights.size >= this.limit) this.heights = new Map();
    this.heights.set(seq, height);
    return true;
  }
}
