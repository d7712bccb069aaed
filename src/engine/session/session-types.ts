import type { CacheStats } from '../cache';
import type { Explanation } from '../check';
import type { Fix } from '../fixes';
import type { CheckResult, ImportSite, Violation } from '../model';
import type { WorkspacePaths } from './session-options';

/** See Session.lastAnalysis: patched, with the number of files analysed, or analysed in full, and why. */
export type AnalysisKind = { patched: true; files: number } | { patched: false; reason: string };

/** What `openWorkspace` returns: a session ready for edits and questions, or the config's problems. */
export type OpenedWorkspace = Session | UnconfiguredWorkspace;

interface OpenedBase extends WorkspacePaths {
  /** The full check that opened the workspace. */
  readonly result: CheckResult;
  /** Whether a change to this file needs the workspace opened again (the config, a tsconfig, a package.json). */
  needsFullCheck(absFile: string): boolean;
}

/** The config is missing, unreadable or not JSON: `result.diagnostics` says why, nothing else is known. */
export interface UnconfiguredWorkspace extends OpenedBase {
  readonly configured: false;
}

/**
 * One checked workspace, kept by an editor to feed it edits: every method may be called at any
 * time, in any order. Holds facts per file (imports and exports), never ASTs. A change that needs a
 * full check (see `needsFullCheck`) opens the workspace again.
 */
export interface Session extends OpenedBase {
  readonly configured: true;
  /** Hits and misses of the persistent cache in the opening check. */
  readonly cacheStats?: CacheStats;
  /** The workspace-relative path of a file this session scans, else undefined. */
  scannedPath(absFile: string): string | undefined;
  /** The module a workspace-relative file belongs to, if any. */
  moduleOf(file: string): string | undefined;
  /**
   * Takes one file's new text (an unsaved buffer) or re-reads it from disk (`text` undefined), a new
   * file too. For a file the scan does not read (a stylesheet, an image), the imports naming it
   * resolve again.
   */
  updateFile(absFile: string, text?: string): void;
  /** Forgets a deleted file; imports of a deleted file the scan does not read no longer resolve. */
  removeFile(absFile: string): void;
  /** Runs the rules over the current facts (cheap: no file is read). */
  analyze(): CheckResult;
  /** How the last `analyze` went: patched from the one before, or the whole workspace and why. */
  readonly lastAnalysis?: AnalysisKind;
  /**
   * Files whose findings can change when these change: the files, their importers, and through
   * re-exporting barrels the importers of those (for `--changed-since`).
   */
  dependentsOf(files: Iterable<string>): Set<string>;
  /** Every import that resolves to a workspace file. */
  fileEdges(): { from: string; to: string; specifier: string; line: number }[];
  /** The import sites behind one module dependency, including dependencies through re-exports. */
  importSites(from: string, to: string): ImportSite[];
  /** Every module dependency's import sites, keyed by `modulePairKey(from, to)`. */
  allImportSites(): Map<string, ImportSite[]>;
  /** Quick fixes for a violation of the last analysis, as data; `readText` gives open buffers first. */
  fixesFor(violation: Violation, readText: (absFile: string) => string | undefined): Fix[];
  /** Why a file may or may not import what it imports (`bulkhead explain`). */
  explain(file: string, specifier?: string): Explanation | undefined;
}
