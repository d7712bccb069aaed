/**
 * Collects what changed since the last check, per folder, until the debounce timer fires: unsaved
 * buffers (text), files to re-read from disk (undefined) and folders that need a full check.
 */
export class ChangeQueue {
  private readonly edits = new Map<string, Map<string, string | undefined>>();
  private readonly full = new Set<string>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly flush: () => void) {}

  edit(folder: string, absFile: string, text: string | undefined, delayMs: number): void {
    let files = this.edits.get(folder);
    if (!files) this.edits.set(folder, (files = new Map()));
    files.set(absFile, text);
    this.schedule(delayMs);
  }

  fullCheck(folder: string, delayMs: number): void {
    this.full.add(folder);
    this.edits.delete(folder);
    this.schedule(delayMs);
  }

  /** Takes everything queued: folders to check fully, and per other folder its file changes. */
  take(): { full: string[]; edits: Map<string, Map<string, string | undefined>> } {
    const full = [...this.full];
    const edits = new Map([...this.edits].filter(([folder]) => !this.full.has(folder)));
    this.full.clear();
    this.edits.clear();
    return { full, edits };
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, delayMs);
  }
}
