/** A single self-overwriting progress line on stderr, drawn at most every 100 ms. */
export function progressLine(stream: NodeJS.WriteStream): { update(done: number, total: number): void; clear(): void } {
  let last = 0;
  let drawn = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - last < 100 && done !== total) return;
      last = now;
      drawn = true;
      stream.write(`\r\u001b[2Kbulkhead: reading files ${done}/${total}`);
    },
    clear() {
      if (drawn) stream.write('\r\u001b[2K');
    },
  };
}
