/** The engine's public surface: the CLI, the language server and tests import only this. */
export {
  openWorkspace, checkWorkspace, workspacePaths, needsFullCheck, WorkspaceOpening, raiseOptimizerBudgetWhileIndexing,
  type AnalysisKind, type EarlyFile, type OpeningProgress, type SessionOptions, type WorkspacePaths, type Session, type UnconfiguredWorkspace, type OpenedWorkspace,
} from './session';
export type * from './model';
export { modulePairKey, RULE_IDS, DEFAULT_SEVERITY, RULE_CATALOG, RULE_DOCS_BASE, CONFIG_DOC_URL, ruleDocUrl, type RuleInfo } from './model';
export { CONFIG_FILE_NAME, type BulkheadConfig, type RuleId, type RuleSeverity } from './config';
/** Whether a `dependsOn`/constraint selector names a module: for hosts that draw the map (the graph). */
export { selects } from './map';
/** Graph algorithms the cycle rule uses, for hosts that order the graph the same way (the matrix view). */
export { feedbackEdges, stronglyConnected, type WeightedEdge } from './analyze';
export { VERSION } from './version';
export { writeCompileCaches } from './compile-cache-writes';
export { applyFileEdits, REASON_PLACEHOLDER, type Fix, type FileEdit, type FixKind } from './fixes';
export {
  BASELINE_FILE_NAME, baselineOf, compareWithBaseline, shrinkBaseline, readBaseline, writeBaseline, BaselineError,
  defaultBaselineFile, type Baseline, type BaselineEntry, type BaselineComparison,
} from './baseline';
export { defaultCacheFile, type CacheStats } from './cache';
export { writeFileAtomic, readRegularText, INPUT_LIMITS } from './io';
export type { Explanation, ImportExplanation } from './check';
export { draftModuleMap, type DraftModuleMap } from './draft-module-map';
export { draftForeignMap, type DraftForeignMap } from './draft-foreign-map';
export { FOREIGN_TOOLS, foreignToolNamed, ForeignConfigError, type ForeignTool } from './init';
export {
  diffResults, diffSummary, touchedModules, resultAtRef, resolveCommit, defaultSinceRef, SinceRefError,
  type GraphDiff, type ResultAtRef, type DefaultSinceRef,
} from './history';
