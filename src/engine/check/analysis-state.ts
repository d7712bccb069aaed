import { FileMemo, type CrossingsMemo, type DirectImports, type UnscannedTargets } from '../analyze';
import type { DependencyPolicy, ModuleMap } from '../map';
import type { UnresolvedImport } from '../model';
import { type RuleContext, RuleState } from '../rules';

type DatabaseSetup = RuleContext['database'];

/** What the analysis keeps for one module map, policy and database setup. */
export interface ConfigMemos {
  rules: RuleState;
  /** Each file's unresolved imports for the result. */
  unresolved: FileMemo<readonly UnresolvedImport[]>;
  /** Files per module, with the file list they were counted for. */
  moduleCounts?: { files: readonly string[]; counts: ReadonlyMap<string, number> };
}

/**
 * Everything one analysis may reuse from the previous one, owned by a session and passed to
 * `analyzeWorkspace` explicitly: the analysis is a function of its input and this state, and gives
 * the same result as with a new state (the incremental tests compare against fresh checks).
 * Everything in it is keyed by the file entries it was computed from, which an edit replaces.
 */
export class AnalysisState {
  /** Crossings and their re-export tracer; they check for themselves whether map and file set changed. */
  readonly crossings: CrossingsMemo = {};
  /** The module graph of the last analysis, which a session's patch starts from (see patchResult). */
  direct?: DirectImports;
  /** The public files outside the scan that the last analysis's crossings reach (built on first use). */
  unscanned?: UnscannedTargets;
  private memos: ConfigMemos = { rules: new RuleState(), unresolved: new FileMemo() };
  private config?: { map: ModuleMap; policy: DependencyPolicy; database: DatabaseSetup };

  /**
   * The memos computed under this map, policy and database setup; new ones when any of them is
   * another object (a session builds a new map whenever the file set changes).
   */
  under(map: ModuleMap, policy: DependencyPolicy, database: DatabaseSetup): ConfigMemos {
    const config = this.config;
    if (!config || config.map !== map || config.policy !== policy || config.database !== database) {
      this.config = { map, policy, database };
      this.memos = { rules: new RuleState(), unresolved: new FileMemo() };
    }
    return this.memos;
  }
}
