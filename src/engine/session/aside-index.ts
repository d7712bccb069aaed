import * as path from 'node:path';
import { LookupIndex, type IndexedFile } from '../analyze';
import { readSource } from '../extract';
import type { ModuleMap } from '../map';

/**
 * The workspace's files read when first asked for, apart from the session's index: for the
 * findings of a few files before the whole workspace is read (see earlyViolations). Like the full
 * index, it has no entry for a file that cannot be read as source. Iterating its keys does not read
 * the files, except those some module makes public: the internal-import rule picks each module's
 * public entry among the keys, and the full index has no key for an unreadable one.
 */
export class AsideIndex extends LookupIndex {
  private readonly read = new Map<string, IndexedFile | null>();
  private readonly names: ReadonlySet<string>;

  constructor(
    private readonly root: string,
    private readonly files: readonly string[],
    private readonly map: ModuleMap,
    private readonly index: (file: string) => IndexedFile | undefined,
  ) {
    super();
    this.names = new Set(files);
  }

  get size(): number {
    return this.files.length;
  }

  get(file: string): IndexedFile | undefined {
    if (!this.names.has(file)) return undefined;
    let entry = this.read.get(file);
    if (entry === undefined) this.read.set(file, (entry = this.index(file) ?? null));
    return entry ?? undefined;
  }

  *keys(): MapIterator<string> {
    for (const file of this.files) {
      const owner = this.map.moduleOf(file);
      if (!owner || !this.map.isPublic(owner, file) || this.read.get(file) || this.readable(file)) yield file;
    }
  }

  /** Whether the file can be read as source, without extracting its facts. */
  private readable(file: string): boolean {
    if (this.read.get(file) === null) return false;
    return readSource(path.join(this.root, file)).ok;
  }
}
