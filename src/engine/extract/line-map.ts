import type { Position, Range } from '../model/result';

/**
 * 1-based line and column of offsets in one text, counted the way TypeScript counts them
 * (`\r\n`, `\n`, `\r`, U+2028 and U+2029 end a line; columns are UTF-16 code units), so that
 * ranges found without a syntax tree equal the ones read from it. Lines are found only as far as
 * the largest offset asked for: imports sit near the top of most files.
 */
export class LineMap {
  private readonly starts: number[] = [0];
  /** Offsets below this have been looked at for line breaks. */
  private scanned = 0;

  constructor(private readonly text: string) {}

  position(offset: number): Position {
    this.scanTo(offset);
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.starts[low] + 1 };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  private scanTo(offset: number): void {
    const text = this.text;
    let i = this.scanned;
    for (; i < offset && i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      } else if (ch === 10 || ch === 0x2028 || ch === 0x2029) {
        this.starts.push(i + 1);
      }
    }
    this.scanned = Math.max(this.scanned, i);
  }
}
