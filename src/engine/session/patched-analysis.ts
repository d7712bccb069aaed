import { LookupIndex, type DirectImports, type FileIndex, type IndexedFile, type UnscannedTargets } from '../analyze';
import { patchResult, restricted, type DeltaCandidates, type FilesScope } from '../check';
import { entityNames } from '../database';
import type { CheckResult } from '../model';
import { newDatabaseState, tracedWith, type DatabaseState, type RuleContext } from '../rules';
import { analysisInput, resultDiagnostics } from './analyze-index';
import { declaresTables, reExports, type WorkspaceIndex } from './workspace-index';
import type { WorkspaceSetup } from './workspace-setup';

/** More replaced entries than this and the full analysis is as quick (the patch analyses each twice). */
const MAX_PATCHED = 32;
/**
 * The session's full analysis reuses per-file work (a few µs per unchanged file); a patch analyses
 * each affected file twice from nothing (about 0.1 ms). Past this share of the files (an edit of a
 * barrel that many files import through), the full analysis is quicker.
 */
const MAX_AFFECTED_SHARE = 1 / 40;

/**
 * The analysis after an editor's edits, from the previous one: a full analysis visits every file
 * and crossing (hundreds of milliseconds at 100k files), a patch only the files the edits can
 * reach (see patchResult). A fallback names why the edits need the full analysis instead: too many
 * files changed, a file could not be read before or after, or the patch's own reasons. (The session
 * does not ask when the file list, the map or every entry changed.)
 */
export function patchedAnalysis(
  setup: WorkspaceSetup,
  files: WorkspaceIndex,
  previous: CheckResult,
  replaced: ReadonlyMap<string, IndexedFile | undefined>,
  started: number,
  tables: TablesMemo,
  graph: { direct?: DirectImports; unscanned?: UnscannedTargets },
): { result: CheckResult; affected: number; direct?: DirectImports; unscanned?: UnscannedTargets } | { fallback: string } {
  if (replaced.size > MAX_PATCHED) return { fallback: `${replaced.size} files changed` };
  const after = files.index;
  for (const [file, was] of replaced) {
    // A file that cannot be read is a skipped file, which only the full analysis reports.
    if (!was || !after.get(file)) return { fallback: 'a file could not be read before or after' };
  }
  const before = new EntriesBefore(after, replaced);
  const outcome = patchResult({
    ...analysisInput(setup, files),
    before,
    after,
    changed: [...replaced.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    files: files.files,
    // The full analysis lists unresolved imports in the index's order.
    position: (file) => files.positionOf(file),
    candidates: candidatesIn(files, replaced),
    publicEntries: files.publicEntries,
    maxAffected: Math.max(MAX_PATCHED, Math.round(files.files.length * MAX_AFFECTED_SHARE)),
    ...graph,
    tables: tables.forPatch(files, replaced, before, after),
  }, previous);
  if ('fallback' in outcome) return outcome;
  const { result, affected } = outcome;
  return { affected, direct: outcome.direct, unscanned: outcome.unscanned, result: { ...result, diagnostics: resultDiagnostics(setup, files), summary: { ...result.summary, durationMs: Math.round(performance.now() - started) } } };
}

/**
 * The table catalog and entity names as of the session's last analysis, when a patch built them:
 * building them reads every declaring and re-exporting file (about 100 ms at 100k files), for
 * the before and the after analysis of each patch. A patch whose edits change declarations or
 * re-exports derives the new ones from these (see `derived`). The session forgets them when it
 * analyses the whole workspace.
 */
export class TablesMemo {
  private known?: { map: RuleContext['map']; database: RuleContext['database']; state: DatabaseState };

  forget(): void {
    this.known = undefined;
  }

  /** The `tables` of one patch's input: the states of `before` and of `after` (the index after the replacements). */
  forPatch(files: WorkspaceIndex, replaced: ReadonlyMap<string, IndexedFile | undefined>, before: FileIndex, after: FileIndex): NonNullable<FilesScope['tables']> {
    const shaping = [...replaced].filter(([file, was]) => shapesTables(was) || shapesTables(after.get(file)));
    let was: DatabaseState | undefined;
    let now: DatabaseState | undefined;
    return (context, tracer) => {
      const memo = this.known;
      const known = memo && memo.map === context.map && memo.database === context.database ? memo.state : undefined;
      // Files that shape the state: the index keeps them for the after side; the replaced ones may have shaped it before.
      const sources = (index: FileIndex): FileIndex => restricted(index, [...files.declarers, ...files.reExporters, ...replaced.keys()], (some) => files.inIndexOrder(some));
      was ??= known ?? newDatabaseState({ ...context, index: sources(before) }, tracer);
      if (shaping.length === 0) now = was;
      else if (context.index !== before) now ??= derived(was, shaping, after, files, () => sources(after));
      this.known = { map: context.map, database: context.database, state: now ?? was };
      return tracedWith(context.index === before ? was : now!, tracer);
    };
  }
}

/**
 * The state after some declaring or re-exporting files changed: the catalog with their
 * declarations replaced, the entity names read again only when a binding or a re-export changed.
 */
function derived(state: DatabaseState, shaping: readonly [string, IndexedFile | undefined][], after: FileIndex, files: WorkspaceIndex, sources: () => FileIndex): DatabaseState {
  const changes = shaping.map(([file, was]) => ({
    file,
    module: state.moduleOf(file),
    was: was?.facts.database?.declarations ?? [],
    now: after.get(file)?.facts.database?.declarations ?? [],
  }));
  const catalog = state.catalog.withFiles(changes, (file) => files.positionOf(file));
  const sameNames = shaping.every(([file, was]) => namesRead(was) === namesRead(after.get(file)));
  return { ...state, catalog, perFile: new Map(), traced: { ...state.traced, entities: sameNames ? state.traced.entities : entityNames(sources()) } };
}

/** What entity names read of a file: its declarations' bindings and its re-exports. */
function namesRead(entry: IndexedFile | undefined): string {
  return JSON.stringify([entry?.facts.database?.declarations.map((d) => d.bindings) ?? [], entry?.facts.reExports.map((r) => [r.exported, r.imported]) ?? []]);
}

/** Whether a file's entry can change the catalog or the entity names: it declares tables or re-exports. */
function shapesTables(entry: IndexedFile | undefined): boolean {
  return declaresTables(entry) || reExports(entry);
}

/** The index as it was before the replacements. */
class EntriesBefore extends LookupIndex {
  constructor(private readonly now: FileIndex, private readonly was: ReadonlyMap<string, IndexedFile | undefined>) {
    super();
  }

  get size(): number {
    return this.now.size;
  }

  get(file: string): IndexedFile | undefined {
    return this.was.has(file) ? this.was.get(file) : this.now.get(file);
  }

  keys(): MapIterator<string> {
    return this.now.keys();
  }
}

/** Where the patch looks instead of at every entry: the index keeps its re-exporters, declarers and who imports what. */
function candidatesIn(files: WorkspaceIndex, replaced: ReadonlyMap<string, IndexedFile | undefined>): DeltaCandidates {
  const formerly = [...replaced.values()].filter((entry): entry is IndexedFile => entry !== undefined);
  return {
    importersOf: (targets) => files.reverse.importersOf(targets),
    reExportersOf: (some) => files.reverse.reExportersOf(some, formerly),
    reExporters: () => files.reExporters,
    declarers: () => files.declarers,
    referrers: () => files.referrers,
    inIndexOrder: (some) => files.inIndexOrder(some),
  };
}
