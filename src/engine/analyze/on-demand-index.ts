import { LookupIndex, type IndexedFile } from './file-index';

/**
 * A file index whose entries are read when first asked for (from a cache, for an analysis that
 * looks at a few files). Iterating it reads every entry, so such an analysis asks by name.
 */
export class OnDemandIndex extends LookupIndex {
  private readonly loaded = new Map<string, IndexedFile>();
  private readonly names: ReadonlySet<string>;

  constructor(private readonly files: readonly string[], private readonly read: (file: string) => IndexedFile) {
    super();
    this.names = new Set(files);
  }

  get size(): number {
    return this.files.length;
  }

  override has(file: string): boolean {
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
}
