/** Maps 0-based character offsets of a text to 1-based line and column, built on first use. */
export class LineIndex {
  private starts: number[] | undefined;

  constructor(
    private readonly text: string,
    /** 0-based line → columns to subtract (spaces added by flow re-indentation). */
    private readonly shifts?: ReadonlyMap<number, number>,
  ) {}

  private lineStarts(): number[] {
    if (this.starts === undefined) {
      const starts = [0];
      let i = this.text.indexOf('\n');
      while (i !== -1) {
        starts.push(i + 1);
        i = this.text.indexOf('\n', i + 1);
      }
      this.starts = starts;
    }
    return this.starts;
  }

  position(offset: number): { line: number; column: number } {
    const starts = this.lineStarts();
    const target = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= target) lo = mid;
      else hi = mid - 1;
    }
    const shift = this.shifts?.get(lo) ?? 0;
    return { line: lo + 1, column: Math.max(1, target - (starts[lo] ?? 0) + 1 - shift) };
  }
}
