import { LookupIndex, type DirectImports, type FileIndex, type IndexedFile, type ReExportTracer } from '../analyze';
import { patchResult, type DeltaCandidates } from '../check';
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
  direct: DirectImports | undefined,
): { result: CheckResult; affected: number; direct?: DirectImports } | { fallback: string } {
  if (replaced.size > MAX_PATCHED) return { fallback: `${replaced.size} files changed` };
  const after = files.index;
  for (const [file, was] of replaced) {
    // A file that cannot be read is a skipped file, which only the full analysis reports.
    if (!was || !after.get(file)) return { fallback: 'a file could not be read before or after' };
  }
  const outcome = patchResult({
    ...analysisInput(setup, files),
    before: new EntriesBefore(after, replaced),
    after,
    changed: [...replaced.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    files: files.files,
    candidates: candidatesIn(files, after),
    publicEntries: files.publicEntries,
    maxAffected: Math.max(MAX_PATCHED, Math.round(files.files.length * MAX_AFFECTED_SHARE)),
    direct,
    tables: [...replaced].some(([file, was]) => shapesTables(was) || shapesTables(after.get(file))) ? undefined : (context, tracer) => tables.for(files, context, tracer),
  }, previous);
  if ('fallback' in outcome) return outcome;
  const { result, affected } = outcome;
  return { affected, direct: outcome.direct, result: { ...result, diagnostics: resultDiagnostics(setup, files), summary: { ...result.summary, durationMs: Math.round(performance.now() - started) } } };
}

/**
 * The table catalog and entity names of the last patch, kept while the files that shape them (the
 * declarers and re-exporters) have the same entries and the map and database setup are the same:
 * building them reads every such file, for the before and the after analysis of each patch.
 */
export class TablesMemo {
  private known?: { entries: (IndexedFile | undefined)[]; map: RuleContext['map']; database: RuleContext['database']; state: DatabaseState };

  for(files: WorkspaceIndex, context: RuleContext, tracer: ReExportTracer): DatabaseState {
    const sources = files.inIndexOrder([...files.declarers, ...files.reExporters]);
    const entries = sources.map((f) => context.index.get(f));
    const known = this.known;
    if (known && known.map === context.map && known.database === context.database && known.entries.length === entries.length && known.entries.every((e, i) => e === entries[i])) {
      return tracedWith(known.state, tracer);
    }
    const index = new Map<string, IndexedFile>();
    sources.forEach((f, i) => entries[i] && index.set(f, entries[i]));
    const state = newDatabaseState({ ...context, index }, tracer);
    this.known = { entries, map: context.map, database: context.database, state };
    return state;
  }
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

/** Where the patch looks instead of at every entry: the index keeps its re-exporters and declarers. */
function candidatesIn(files: WorkspaceIndex, index: FileIndex): DeltaCandidates {
  return {
    importersOf(targets) {
      const importers: string[] = [];
      for (const entry of index.values()) {
        if (entry.resolutions.some((r) => r.kind === 'file' && targets.has(r.file))) importers.push(entry.file);
      }
      return importers;
    },
    reExporters: () => files.reExporters,
    declarers: () => files.declarers,
    inIndexOrder: (some) => files.inIndexOrder(some),
  };
}
