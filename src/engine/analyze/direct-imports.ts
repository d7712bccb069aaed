import { modulePairKey } from '../model';
import type { ModuleCrossing } from './module-crossings';

/** What the module cycles read of one module pair: its direct imports (re-exports aside). */
export interface DirectPair {
  from: string;
  to: string;
  imports: number;
  /** The first import site, by file then position: the one a cycle quotes. */
  first: ModuleCrossing;
}

/** Per pair, the files with direct imports between its modules and how many each has. */
type FilesByPair = Map<string, ReadonlyMap<string, number>>;

/** The crossings of one module pair in some files, before and after an edit. */
export interface PairChange {
  was: readonly ModuleCrossing[];
  now: readonly ModuleCrossing[];
}

/**
 * The module graph the cycles are computed from: per module pair, the count of direct imports and
 * the first site. Built from every crossing of a full analysis; an editor's patch derives the next
 * one from the crossings of the files it re-analysed (see `replaced`), so cycles follow an edit
 * without visiting every crossing of a large workspace again.
 */
export class DirectImports {
  private filesByPair?: FilesByPair;

  private constructor(
    readonly pairs: ReadonlyMap<string, DirectPair>,
    /** Where the files of each pair come from until they are first needed. */
    private readonly source: readonly ModuleCrossing[] | FilesByPair,
  ) {
    if (source instanceof Map) this.filesByPair = source;
  }

  static of(crossings: readonly ModuleCrossing[]): DirectImports {
    const pairs = new Map<string, DirectPair>();
    for (const c of crossings) {
      if (c.reExport) continue;
      const key = modulePairKey(c.from.name, c.to.name);
      const known = pairs.get(key);
      if (!known) pairs.set(key, { from: c.from.name, to: c.to.name, imports: 1, first: c });
      else {
        known.imports++;
        if (compareSites(c, known.first) < 0) known.first = c;
      }
    }
    return new DirectImports(pairs, crossings);
  }

  /**
   * These pairs after some files' crossings changed: `changes` holds, per pair that changed, its
   * crossings in the re-analysed files before and after; `crossingsOf` gives the (unchanged)
   * crossings of any other file, asked only when a pair's first site moves out of the re-analysed
   * files.
   */
  replaced(changes: ReadonlyMap<string, PairChange>, crossingsOf: (file: string) => readonly ModuleCrossing[]): DirectImports {
    const filesByPair = new Map(this.files());
    const pairs = new Map(this.pairs);
    for (const [key, change] of changes) {
      const was = change.was.filter((c) => !c.reExport);
      const now = change.now.filter((c) => !c.reExport);
      if (was.length === 0 && now.length === 0) continue;
      const files = new Map(filesByPair.get(key) ?? []);
      for (const c of was) files.set(c.file, files.get(c.file)! - 1);
      for (const c of now) files.set(c.file, (files.get(c.file) ?? 0) + 1);
      for (const [file, count] of files) if (count <= 0) files.delete(file);
      if (files.size === 0) {
        filesByPair.delete(key);
        pairs.delete(key);
        continue;
      }
      filesByPair.set(key, files);
      const touched = new Set([...was, ...now].map((c) => c.file));
      const previous = this.pairs.get(key)?.first;
      // The re-analysed files' sites are all in `now`; the others' first is the previous one, unless that was re-analysed.
      let first = previous && !touched.has(previous.file) ? previous : undefined;
      for (const c of now) if (!first || compareSites(c, first) < 0) first = c;
      if (previous && touched.has(previous.file)) {
        let untouched: string | undefined;
        for (const file of files.keys()) if (!touched.has(file) && (untouched === undefined || file < untouched)) untouched = file;
        if (untouched !== undefined && (!first || untouched < first.file)) {
          first = undefined;
          for (const c of crossingsOf(untouched)) {
            if (!c.reExport && modulePairKey(c.from.name, c.to.name) === key && (!first || compareSites(c, first) < 0)) first = c;
          }
        }
      }
      const { from, to } = (first ?? now[0] ?? was[0]);
      pairs.set(key, { from: from.name, to: to.name, imports: [...files.values()].reduce((a, b) => a + b, 0), first: first! });
    }
    return new DirectImports(pairs, filesByPair);
  }

  private files(): FilesByPair {
    if (!this.filesByPair) {
      const byPair: FilesByPair = new Map();
      for (const c of this.source as readonly ModuleCrossing[]) {
        if (c.reExport) continue;
        const key = modulePairKey(c.from.name, c.to.name);
        const files = (byPair.get(key) ?? new Map()) as Map<string, number>;
        files.set(c.file, (files.get(c.file) ?? 0) + 1);
        byPair.set(key, files);
      }
      this.filesByPair = byPair;
    }
    return this.filesByPair;
  }
}

/** Import sites in document order: file, then position. */
export function compareSites(a: ModuleCrossing, b: ModuleCrossing): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.fact.range.start.line - b.fact.range.start.line || a.fact.range.start.column - b.fact.range.start.column;
}
