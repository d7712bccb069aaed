import { type IndexedFile, reachedBack, reExportTargets } from '../analyze';

type Reverse = Map<string, Set<string>>;

/**
 * Who imports each file and who re-exports from it, kept up to date as the index's entries are
 * replaced: a patch asks these instead of visiting every entry (at 100k files, a walk over every
 * import or every barrel's re-exports costs more than the rest of the patch). Each is built when
 * first asked.
 */
export class ReverseImports {
  private importing?: Reverse;
  private reExporting?: Reverse;

  constructor(private readonly entries: () => Iterable<IndexedFile>) {}

  /** A file's entry was replaced (`undefined`: it has none). */
  replaced(file: string, was: IndexedFile | undefined, now: IndexedFile | undefined): void {
    if (this.importing) move(this.importing, file, was && importTargets(was), now && importTargets(now));
    if (this.reExporting) move(this.reExporting, file, was && reExportTargets(was), now && reExportTargets(now));
  }

  /** Files with an import that resolves to one of `targets`. */
  importersOf(targets: Iterable<string>): Set<string> {
    this.importing ??= build(this.entries(), importTargets);
    const importers = new Set<string>();
    for (const target of targets) for (const file of this.importing.get(target) ?? []) importers.add(file);
    return importers;
  }

  /**
   * The files plus every file that re-exports from one of them, transitively, also through the
   * re-exports of `formerly` (entries the index had before): a superset of what either side reaches.
   */
  reExportersOf(files: Iterable<string>, formerly: readonly IndexedFile[] = []): Set<string> {
    const reverse = (this.reExporting ??= build(this.entries(), reExportTargets));
    const extra = new Map<string, string[]>();
    for (const entry of formerly) for (const target of reExportTargets(entry)) extra.set(target, [...(extra.get(target) ?? []), entry.file]);
    return reachedBack(files, (f) => [...(reverse.get(f) ?? []), ...(extra.get(f) ?? [])]);
  }
}

function importTargets({ resolutions }: IndexedFile): Set<string> {
  const targets = new Set<string>();
  for (const r of resolutions) if (r.kind === 'file') targets.add(r.file);
  return targets;
}

function build(entries: Iterable<IndexedFile>, targetsOf: (entry: IndexedFile) => Set<string>): Reverse {
  const reverse: Reverse = new Map();
  for (const entry of entries) move(reverse, entry.file, undefined, targetsOf(entry));
  return reverse;
}

function move(reverse: Reverse, file: string, was: ReadonlySet<string> | undefined, now: ReadonlySet<string> | undefined): void {
  for (const target of was ?? []) {
    if (now?.has(target)) continue;
    const sources = reverse.get(target);
    sources?.delete(file);
    if (sources?.size === 0) reverse.delete(target);
  }
  for (const target of now ?? []) {
    if (was?.has(target)) continue;
    const sources = reverse.get(target);
    if (sources) sources.add(file);
    else reverse.set(target, new Set([file]));
  }
}
