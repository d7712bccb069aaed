/**
 * The cache's facts are one JSON object with one member per line (JSON allows line breaks between
 * members, and JSON.stringify never writes one inside a string). A run that patches the stored
 * result reads the entries of a few files, not all of them, and writes back only those.
 */
export function factsText(entries: Readonly<Record<string, unknown>>): string {
  return `{\n${Object.entries(entries).map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`).join(',\n')}\n}`;
}

/**
 * The facts as `factsText` wrote them, read entry by entry. Which files to look at is found by
 * searching the bytes (an import of `x.ts` is stored as `"file":"x.ts"`; a string value cannot hold
 * an unescaped quote, so a search never matches inside one, though it may match a line that turns
 * out not to qualify).
 */
export class StoredFactLines {
  /** Entry name → where its value starts and ends (without the comma). */
  private readonly values = new Map<string, [number, number]>();
  private readonly lineStarts: number[] = [];
  private readonly lineKeys: string[] = [];

  constructor(private readonly bytes: Buffer) {
    for (let start = bytes.indexOf(10) + 1; start > 0 && start < bytes.length; ) {
      const newline = bytes.indexOf(10, start);
      const end = newline < 0 ? bytes.length : newline;
      const keyEnd = closingQuote(bytes, start, end);
      if (keyEnd > start && bytes[keyEnd + 1] === 0x3a) {
        const key = JSON.parse(bytes.toString('utf8', start, keyEnd + 1)) as string;
        this.values.set(key, [keyEnd + 2, bytes[end - 1] === 0x2c ? end - 1 : end]);
        this.lineStarts.push(start);
        this.lineKeys.push(key);
      }
      start = end + 1;
    }
  }

  keys(): string[] {
    return this.lineKeys;
  }

  /** An entry's value as stored (parsed), or undefined when there is none. */
  value(key: string): unknown {
    const at = this.values.get(key);
    return at && JSON.parse(this.bytes.toString('utf8', at[0], at[1]));
  }

  /**
   * The facts with the entries named in `replaced` given new values and every other byte copied;
   * undefined when one of them is not there.
   */
  replaced(replaced: ReadonlyMap<string, unknown>): Buffer | undefined {
    const spans: { at: [number, number]; value: unknown }[] = [];
    for (const [key, value] of replaced) {
      const at = this.values.get(key);
      if (!at) return undefined;
      spans.push({ at, value });
    }
    spans.sort((a, b) => a.at[0] - b.at[0]);
    const parts: Buffer[] = [];
    let copiedTo = 0;
    for (const { at: [start, end], value } of spans) {
      parts.push(this.bytes.subarray(copiedTo, start), Buffer.from(JSON.stringify(value)));
      copiedTo = end;
    }
    parts.push(this.bytes.subarray(copiedTo));
    return Buffer.concat(parts);
  }

  /** The entries whose line holds `needle`, and, with `next`, where the byte after it passes that test too. */
  containing(needle: string, next?: (byte: number) => boolean): Set<string> {
    const pattern = Buffer.from(needle);
    const found = new Set<string>();
    for (let at = this.bytes.indexOf(pattern); at >= 0; at = this.bytes.indexOf(pattern, at + pattern.length)) {
      if (next && !next(this.bytes[at + pattern.length])) continue;
      const key = this.keyAt(at);
      if (key !== undefined) found.add(key);
    }
    return found;
  }

  private keyAt(offset: number): string | undefined {
    let low = 0;
    let high = this.lineStarts.length - 1;
    if (high < 0 || offset < this.lineStarts[0]) return undefined;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return this.lineKeys[low];
  }
}

/** Where the JSON string starting at `start` ends (its closing quote), or -1. */
function closingQuote(bytes: Buffer, start: number, end: number): number {
  if (bytes[start] !== 0x22) return -1;
  for (let i = start + 1; i < end; i++) {
    if (bytes[i] === 0x5c) i++;
    else if (bytes[i] === 0x22) return i;
  }
  return -1;
}
