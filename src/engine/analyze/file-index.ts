import type { FileFacts } from '../extract';
import type { Resolution } from '../resolve';
import type { IgnoreComment } from '../suppress';

/** A scanned file with its facts and where each of its imports leads. */
export interface IndexedFile {
  /** Workspace-relative path. */
  file: string;
  facts: FileFacts;
  /** Parallel to `facts.imports`; a `file` resolution holds a workspace-relative path. */
  resolutions: Resolution[];
  /** `bulkhead-ignore` comments of the file. */
  ignores: IgnoreComment[];
}

/** The facts of the whole workspace, keyed by workspace-relative path. */
export type FileIndex = ReadonlyMap<string, IndexedFile>;

/**
 * A file index that is not a Map (entries read when asked for, or some of them replaced): an
 * implementation gives `size`, `get` and `keys`; iterating reads each key's entry through `get`
 * and leaves out the keys without one.
 */
export abstract class LookupIndex implements FileIndex {
  abstract get size(): number;
  abstract get(file: string): IndexedFile | undefined;
  abstract keys(): MapIterator<string>;

  has(file: string): boolean {
    return this.get(file) !== undefined;
  }

  *values(): MapIterator<IndexedFile> {
    for (const [, entry] of this.entries()) yield entry;
  }

  *entries(): MapIterator<[string, IndexedFile]> {
    for (const file of this.keys()) {
      const entry = this.get(file);
      if (entry) yield [file, entry];
    }
  }

  [Symbol.iterator](): MapIterator<[string, IndexedFile]> {
    return this.entries();
  }

  forEach(callback: (value: IndexedFile, key: string, map: ReadonlyMap<string, IndexedFile>) => void): void {
    for (const [file, entry] of this.entries()) callback(entry, file, this);
  }
}
