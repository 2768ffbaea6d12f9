/**
 * Keeps a step's output within a byte budget: the first `headBytes` and the last `tailBytes`
 * are kept, the middle is replaced by one marker line saying how much was dropped.
 */
export interface CappedOutputOptions {
  headBytes: number;
  tailBytes: number;
}

/** 250 KiB in all: under the CMDB's 256 KiB step-output cap, so the store never cuts the head off. */
export const DEFAULT_OUTPUT_CAP: CappedOutputOptions = { headBytes: 60 * 1024, tailBytes: 190 * 1024 };

export class CappedOutput {
  private readonly head: string[] = [];
  private headSize = 0;
  private tail: string[] = [];
  private tailSize = 0;
  private droppedBytes = 0;
  private droppedLines = 0;
  private totalLines = 0;

  constructor(private readonly options: CappedOutputOptions = DEFAULT_OUTPUT_CAP) {}

  push(line: string): void {
    const size = Buffer.byteLength(line, 'utf8') + 1;
    this.totalLines += 1;
    if (this.tail.length === 0 && this.headSize + size <= this.options.headBytes) {
      this.head.push(line);
      this.headSize += size;
      return;
    }
    this.tail.push(line);
    this.tailSize += size;
    while (this.tailSize > this.options.tailBytes && this.tail.length > 1) {
      const dropped = this.tail.shift() ?? '';
      const droppedSize = Buffer.byteLength(dropped, 'utf8') + 1;
      this.tailSize -= droppedSize;
      this.droppedBytes += droppedSize;
      this.droppedLines += 1;
    }
  }

  get lineCount(): number {
    return this.totalLines;
  }

  /** The kept output, lines joined with `\n` (with a trailing newline when non-empty). */
  text(): string {
    const parts = [...this.head];
    if (this.droppedLines > 0) parts.push(`[pigsty-gitops: ${this.droppedLines} lines (${this.droppedBytes} bytes) of output omitted]`);
    parts.push(...this.tail);
    return parts.length === 0 ? '' : `${parts.join('\n')}\n`;
  }

  /** The last `lines` lines, for error messages. */
  lastLines(lines: number): string {
    const all = [...this.head, ...this.tail];
    return all.slice(-lines).join('\n');
  }
}
