import { type FileIndex, type IndexedFile, exportSurface, reExportersOf } from '../analyze';

/** Supersets of the files that can answer a question (found by searching a cache's bytes). */
export interface DeltaCandidates {
  /** Files that may import one of these. */
  importersOf(files: ReadonlySet<string>): Iterable<string>;
  /** Files that may have a re-export or `export *`. */
  reExporters(): readonly string[];
  /** Files that may declare tables. */
  declarers(): readonly string[];
  /** Files that may reference tables; without it, a changed table declaration is not patched. */
  referrers?(): readonly string[];
  /**
   * The files plus those that re-export from them, transitively, before or after the change (a
   * superset is fine); without it, the re-exporters' entries are walked on both sides.
   */
  reExportersOf?(files: readonly string[]): Set<string>;
  /** Some of the index's files in its order, found without visiting the others (else `restricted` visits every key). */
  inIndexOrder?(files: Iterable<string>): string[];
}

/** What `affectedFiles` reads of the patch's input (see analysis-delta.ts). */
export interface AffectedQuestion {
  before: FileIndex;
  after: FileIndex;
  changed: readonly string[];
  candidates?: DeltaCandidates;
  /**
   * The files whose previous findings quote a line of one of these (a re-export on their chain);
   * without it, a re-export that only moved counts as changed for every importer.
   */
  quoting?: (files: ReadonlySet<string>) => Iterable<string>;
}

/**
 * The changed files, plus, when an export surface changed, every file importing one whose tracing
 * can lead to a changed one (as `incrementalCrossings` finds them for an editor's edit), narrowed
 * to imports of the names whose answers can differ when only local exports were added or removed.
 * When only re-exports' lines moved (a line typed above them), tracing answers the same and only
 * the findings quoting those lines differ: their files (`quoting`). Sorted.
 */
export function affectedFiles({ before, after, changed, candidates, quoting }: AffectedQuestion): string[] {
  const moved = new Set<string>();
  const surfaced = changed.filter((f) => {
    const [was, now] = [before.get(f)!, after.get(f)!];
    if (exportSurface(was) === exportSurface(now)) return false;
    if (quoting && exportSurface(was, { lines: false }) === exportSurface(now, { lines: false })) {
      moved.add(f);
      return false;
    }
    return true;
  });
  const affected = new Set(changed);
  if (moved.size > 0) for (const file of quoting!(moved)) affected.add(file);
  if (surfaced.length > 0) {
    const retraced = reExportersOnBothSides({ before, after, changed, candidates }, surfaced);
    const names = changedNames(before, after, surfaced, retraced);
    for (const file of new Set(candidates ? [...candidates.importersOf(retraced), ...changed] : before.keys())) {
      const was = before.get(file);
      const now = after.get(file);
      if (was && now && (importsNames(now, retraced, names) || importsNames(was, retraced, names))) affected.add(file);
    }
  }
  return [...affected].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The files plus those re-exporting from them, transitively, in `before` or in `after`. */
export function reExportersOnBothSides({ before, after, changed, candidates }: AffectedQuestion, files: readonly string[]): Set<string> {
  if (candidates?.reExportersOf) return candidates.reExportersOf(files);
  const barrels = candidates && [...candidates.reExporters(), ...changed];
  const order = candidates?.inIndexOrder?.bind(candidates);
  return new Set([...reExportersOf(restricted(before, barrels, order), files), ...reExportersOf(restricted(after, barrels, order), files)]);
}

/** The entries of `files` (all when undefined), in the index's order. */
export function restricted(index: FileIndex, files: Iterable<string> | undefined, inIndexOrder?: (files: Iterable<string>) => string[]): FileIndex {
  if (!files) return index;
  const subset = new Map<string, IndexedFile>();
  if (inIndexOrder) {
    for (const file of inIndexOrder(files)) {
      const entry = index.get(file);
      if (entry) subset.set(file, entry);
    }
    return subset;
  }
  const wanted = new Set(files);
  for (const file of index.keys()) if (wanted.has(file)) subset.set(file, index.get(file)!);
  return subset;
}

/**
 * The names whose tracing can differ: those a changed file began or stopped exporting, and what
 * re-exports on the way rename them to. Undefined (any name) when a re-export changed.
 */
function changedNames(before: FileIndex, after: FileIndex, surfaced: readonly string[], retraced: ReadonlySet<string>): Set<string> | undefined {
  const names = new Set<string>();
  for (const file of surfaced) {
    const was = before.get(file)!;
    const now = after.get(file)!;
    if (exportSurface({ ...was, facts: { ...was.facts, localExports: [] } }) !== exportSurface({ ...now, facts: { ...now.facts, localExports: [] } })) return undefined;
    const old = new Set(was.facts.localExports);
    const current = new Set(now.facts.localExports);
    for (const n of old) if (!current.has(n)) names.add(n);
    for (const n of current) if (!old.has(n)) names.add(n);
  }
  for (let grew = true; grew; ) {
    grew = false;
    for (const file of retraced) {
      for (const index of [before, after]) {
        for (const r of index.get(file)?.facts.reExports ?? []) {
          if (names.has(r.imported) && !names.has(r.exported)) {
            names.add(r.exported);
            grew = true;
          }
        }
      }
    }
  }
  return names;
}

/** Whether the file imports one of `names` (any, when undefined), or a namespace, from one of `files`. */
function importsNames({ facts, resolutions }: IndexedFile, files: ReadonlySet<string>, names: ReadonlySet<string> | undefined): boolean {
  return facts.imports.some((fact, i) => {
    const r = resolutions[i];
    if (r?.kind !== 'file' || !files.has(r.file)) return false;
    return !names || fact.names.some((n) => n.imported === '*' || names.has(n.imported));
  });
}
