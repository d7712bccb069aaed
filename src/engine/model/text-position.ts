import type { Position, Range } from './result';

/**
 * Converts offsets in a text to 1-based line/column (columns in UTF-16 code units). Lines are
 * found only as far as the largest offset asked for: imports and config keys sit near the top.
 */
export class LineIndex {
  private readonly lineStarts: number[] = [0];
  /** Offsets below this have been looked at for line breaks. */
  private scanned = 0;

  /**
   * `\r\n`, `\n` and `\r` end a line, as in editors and JSON; with `unicodeSeparators`, U+2028
   * and U+2029 too, as TypeScript counts them (so ranges found without a syntax tree equal the
   * ones read from it).
   */
  constructor(private readonly text: string, private readonly options: { unicodeSeparators?: boolean } = {}) {}

  position(offset: number): Position {
    this.scanTo(offset);
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.lineStarts[lo] + 1 };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  private scanTo(offset: number): void {
    const { text } = this;
    const unicode = this.options.unicodeSeparators === true;
    let i = this.scanned;
    for (; i < offset && i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.lineStarts.push(i + 1);
      } else if (ch === 10 || (unicode && (ch === 0x2028 || ch === 0x2029))) {
        this.lineStarts.push(i + 1);
      }
    }
    this.scanned = Math.max(this.scanned, i);
  }
}

export const FILE_START: Range = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
