import type { IndexedFile } from './file-index';

/**
 * One value per file, computed from its entry and kept while the entry is the same object: an edit
 * replaces the file's entry, so only edited files are computed again. Whatever else the value reads
 * (the module map, the config) is the owner's to watch: it drops the memo when that changes.
 */
export class FileMemo<T> {
  private readonly byFile = new Map<string, { entry: IndexedFile; value: T }>();

  get(entry: IndexedFile, compute: (entry: IndexedFile) => T): T {
    const known = this.byFile.get(entry.file);
    if (known?.entry === entry) return known.value;
    const value = compute(entry);
    this.byFile.set(entry.file, { entry, value });
    return value;
  }
}
