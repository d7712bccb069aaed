import { type IndexedFile, OnDemandIndex } from '../analyze';
import { type ChangedFile, type FactCache, StoredFactsError, type UpdatedEntry } from '../cache';
import { patchResult } from '../check';
import type { CheckResult } from '../model';
import { analysisInput } from './analyze-index';
import type { WorkspaceIndex } from './workspace-index';
import type { WorkspaceSetup } from './workspace-setup';

/**
 * The cached result brought up to date after a few files' facts changed (and nothing else did:
 * see `FactCache.reusableResult`), analysing only the files whose findings can differ, and the
 * cache written again; undefined when the whole workspace must be analysed, with the reason in the
 * cache's stats. A new import is resolved; every other import of a changed file resolves as before.
 */
export function updatedFromCache(setup: WorkspaceSetup, files: WorkspaceIndex, cache: FactCache, changed: readonly ChangedFile[]): CheckResult | undefined {
  const unpatched = (reason: string): undefined => {
    cache.stats.reanalysed = reason;
    return undefined;
  };
  const functions = files.extractionKey;
  const previous = cache.previousRun(functions);
  if (!previous) return unpatched('the stored facts cannot be read');
  try {
    const before = new OnDemandIndex(files.files.filter((f) => previous.stored.has(f)), (file) => ({ file, ...previous.entry(file)!.data }));
    const replaced = new Map<string, IndexedFile>();
    const updated: UpdatedEntry[] = [];
    for (const { rel, stamp, read } of changed) {
      const was = before.get(rel);
      if (!was) return unpatched('a changed file has no stored facts');
      // Read notices go into the result's diagnostics, which are kept as they are.
      if (JSON.stringify(read.diagnostics) !== JSON.stringify(previous.entry(rel)!.diagnostics)) return unpatched('a changed file has other read notices');
      const entry: IndexedFile = { file: rel, facts: read.data.facts, ignores: read.data.ignores, resolutions: files.resolveChanged(rel, read.data.facts, was) };
      replaced.set(rel, entry);
      updated.push({ entry, stat: stamp, text: read.text, diagnostics: read.diagnostics });
    }
    if (!previous.database && files.needsDatabaseFacts(updated.map((u) => u.entry))) return unpatched('a changed file imports a database driver');
    const outcome = patchResult(
      { ...analysisInput(setup, files), before, after: before.with(replaced), changed: [...replaced.keys()], files: files.files, candidates: previous.candidates },
      previous.result,
    );
    if ('fallback' in outcome) return unpatched(outcome.fallback);
    cache.markPatched(outcome.affected);
    try {
      cache.saveUpdated(updated, outcome.result, previous.database, functions);
    } catch {
      // Only an optimisation: the next run finds the same files changed and does this again.
    }
    return outcome.result;
  } catch (error) {
    if (error instanceof StoredFactsError) return unpatched(`the stored facts cannot be read (${error.message})`);
    throw error;
  }
}
