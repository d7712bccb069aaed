import type { RuleId } from '../config';
import type { FileIndex, IndexedFile, ModuleCrossing, ModuleCycle, ReExportTracer } from '../analyze';
import type { DatabaseSetup } from '../database';
import type { DependencyPolicy, ModuleMap } from '../map';
import type { Violation } from '../model';
import type { RuleState } from './rule-state';

/** A finding before severity and fingerprint are attached. */
export type Finding = Omit<Violation, 'severity' | 'fingerprint'> & {
  /** What makes this finding the same one across edits, when file + modules + specifier is not. */
  identity?: string;
};

export interface RuleContext {
  index: FileIndex;
  map: ModuleMap;
  policy: DependencyPolicy;
  crossings: readonly ModuleCrossing[];
  /** The module cycles of `crossings`, found once per analysis. */
  cycles: readonly ModuleCycle[];
  /** The tracer the crossings were found with, to share its answers. */
  tracer: ReExportTracer;
  /** Files whose answers `tracer` forgot since the last analysis (their imports may trace differently). */
  retraced: ReadonlySet<string>;
  /** Whether an unresolved specifier should have resolved (relative path or tsconfig alias). */
  isLocalSpecifier(specifier: string, file: string): boolean;
  /** Source files and folders the scan skipped (too large, binary, unreadable, name not UTF-8). */
  unchecked: readonly { file: string; message: string }[];
  /** Drivers, `allowedIn` and Prisma models for `database-coupling`; absent means none configured. */
  database?: DatabaseSetup;
  /**
   * What the rules keep between analyses of one session, valid for this map, policy and database
   * setup (the session's AnalysisState hands out a new one when any of them changed).
   */
  state: RuleState;
}

/**
 * A rule has a per-file part, a workspace part, or both. Per file, its findings come from one
 * file's entry and the config alone, and are reused while that entry is unchanged; the workspace
 * part reads crossings, cycles or other files, and may keep what it needs in `context.state`.
 * A rule's findings are its per-file findings (in index order), then its workspace findings.
 */
export interface Rule {
  id: RuleId;
  /** One-line summary for `--help`, SARIF and docs. */
  fileFindings?(entry: IndexedFile, context: RuleContext): Finding[];
  workspaceFindings?(context: RuleContext): Finding[];
}
