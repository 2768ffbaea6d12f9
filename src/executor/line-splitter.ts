import { StringDecoder } from 'node:string_decoder';

/**
 * Splits a byte stream into lines across chunk boundaries (UTF-8 safe, `\n` or `\r\n`).
 * A line longer than `maxLineChars` is emitted in pieces so memory stays bounded.
 */
export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private pending = '';

  constructor(
    private readonly emit: (line: string) => void,
    private readonly maxLineChars = 64 * 1024,
  ) {}

  push(chunk: Buffer | string): void {
    let text = this.pending + (typeof chunk === 'string' ? chunk : this.decoder.write(chunk));
    let newline = text.indexOf('\n');
    while (newline !== -1) {
      this.emitLine(text.slice(0, newline));
      text = text.slice(newline + 1);
      newline = text.indexOf('\n');
    }
    while (text.length >= this.maxLineChars) {
      this.emit(text.slice(0, this.maxLineChars));
      text = text.slice(this.maxLineChars);
    }
    this.pending = text;
  }

  /** Emits the last line when the stream did not end with a newline. */
  end(): void {
    const rest = this.pending + this.decoder.end();
    this.pending = '';
    if (rest !== '') this.emitLine(rest);
  }

  private emitLine(line: string): void {
    this.emit(line.endsWith('\r') ? line.slice(0, -1) : line);
  }
}
