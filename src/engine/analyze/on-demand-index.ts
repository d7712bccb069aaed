import type { FileIndex, IndexedFile } from './file-index';

/**
 * A file index whose entries are read when first asked for (from a cache, for an analysis that
 * looks at a few files). Iterating it reads every entry, so such an analysis asks by name.
 */
export class OnDemandIndex implements FileIndex {
  private readonly loaded = new Map<string, IndexedFile>();
  private readonly names: ReadonlySet<string>;

  constructor(private readonly files: readonly string[], private readonly read: (file: string) => IndexedFile) {
    this.names = new Set(files);
  }

  get size(): number {
    return this.files.length;
  }

  has(file: string): boolean {
    return this.names.has(file);
  }

  get(file: string): IndexedFile | undefined {
    if (!this.names.has(file)) return undefined;
    let entry = this.loaded.get(file);
    if (!entry) this.loaded.set(file, (entry = this.read(file)));
    return entry;
  }

  /** The same files with some entries replaced. */
  with(replaced: ReadonlyMap<string, IndexedFile>): OnDemandIndex {
    return new OnDemandIndex(this.files, (file) => replaced.get(file) ?? this.get(file)!);
  }

  keys(): MapIterator<string> {
    return this.files[Symbol.iterator]() as MapIterator<string>;
  }

  *values(): MapIterator<IndexedFile> {
    for (const file of this.files) yield this.get(file)!;
  }

  *entries(): MapIterator<[string, IndexedFile]> {
    for (const file of this.files) yield [file, this.get(file)!];
  }

  [Symbol.iterator](): MapIterator<[string, IndexedFile]> {
    return this.entries();
  }

  forEach(callback: (value: IndexedFile, key: string, map: ReadonlyMap<string, IndexedFile>) => void): void {
    for (const [file, entry] of this.entries()) callback(entry, file, this);
  }
}
