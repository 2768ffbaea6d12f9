/** Keeps the last lines of a command's output, bounded by line count and characters. */
export class OutputTail {
  private readonly lines: string[] = [];
  private chars = 0;

  constructor(
    private readonly maxLines = 200,
    private readonly maxChars = 64 * 1024,
  ) {}

  add(line: string): void {
    const kept = line.length > this.maxChars ? line.slice(-this.maxChars) : line;
    this.lines.push(kept);
    this.chars += kept.length + 1;
    while (this.lines.length > this.maxLines || this.chars > this.maxChars) {
      const dropped = this.lines.shift();
      if (dropped === undefined) break;
      this.chars -= dropped.length + 1;
    }
  }

  toString(): string {
    return this.lines.join('\n');
  }
}
