import type { FileIndex, IndexedFile } from '../analyze';
import { patchResult, type DeltaCandidates } from '../check';
import type { CheckResult } from '../model';
import { analysisInput, resultDiagnostics } from './analyze-index';
import type { WorkspaceIndex } from './workspace-index';
import type { WorkspaceSetup } from './workspace-setup';

/** More replaced entries than this and the full analysis is as quick (the patch analyses each twice). */
const MAX_PATCHED = 32;

/**
 * The analysis after an editor's edits, from the previous one: a full analysis visits every file
 * and crossing (hundreds of milliseconds at 100k files), a patch only the files the edits can
 * reach (see patchResult). Undefined when the edits need the full analysis: the file list or the
 * map changed, a file could not be read before or after, or the patch gives a reason.
 */
export function patchedAnalysis(
  setup: WorkspaceSetup,
  files: WorkspaceIndex,
  previous: CheckResult,
  replaced: ReadonlyMap<string, IndexedFile | undefined>,
  started: number,
): { result: CheckResult; affected: number } | { fallback: string } {
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
  }, previous);
  if ('fallback' in outcome) return outcome;
  const { result, affected } = outcome;
  return { affected, result: { ...result, diagnostics: resultDiagnostics(setup, files), summary: { ...result.summary, durationMs: Math.round(performance.now() - started) } } };
}

/** The index as it was before the replacements. */
class EntriesBefore implements FileIndex {
  constructor(private readonly now: FileIndex, private readonly was: ReadonlyMap<string, IndexedFile | undefined>) {}

  get size(): number {
    return this.now.size;
  }

  has(file: string): boolean {
    return this.get(file) !== undefined;
  }

  get(file: string): IndexedFile | undefined {
    return this.was.has(file) ? this.was.get(file) : this.now.get(file);
  }

  keys(): MapIterator<string> {
    return this.now.keys();
  }

  *values(): MapIterator<IndexedFile> {
    for (const [, entry] of this.entries()) yield entry;
  }

  *entries(): MapIterator<[string, IndexedFile]> {
    for (const file of this.now.keys()) yield [file, this.get(file)!];
  }

  [Symbol.iterator](): MapIterator<[string, IndexedFile]> {
    return this.entries();
  }

  forEach(callback: (value: IndexedFile, key: string, map: ReadonlyMap<string, IndexedFile>) => void): void {
    for (const [file, entry] of this.entries()) callback(entry, file, this);
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
