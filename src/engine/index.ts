/** The engine's public surface: the CLI, the language server and tests import only this. */
export { openWorkspace, checkWorkspace } from './session/open-workspace';
export { workspacePaths, needsFullCheck, type SessionOptions, type WorkspacePaths } from './session/session-options';
export type { Session, UnconfiguredWorkspace, OpenedWorkspace } from './session/session-types';
export { modulePairKey } from './model/module-pair';
export type * from './model/result';
export type { BulkheadConfig, RuleId, RuleSeverity } from './config/config-types';
export { RULE_IDS, DEFAULT_SEVERITY, RULE_CATALOG, type RuleInfo } from './model/rule-ids';
export { RULE_DOCS_BASE, CONFIG_DOC_URL, ruleDocUrl } from './model/rule-table';
export { CONFIG_FILE_NAME } from './config/load-config';
/** Whether a `dependsOn`/constraint selector names a module: for hosts that draw the map (the graph). */
export { selects } from './map/selectors';
export { VERSION } from './version';
export type { Fix, FileEdit, FixKind } from './fixes/fix';
export { applyFileEdits } from './fixes/add-dependency-fix';
export { REASON_PLACEHOLDER } from './fixes/ignore-comment-fix';
export {
  BASELINE_FILE_NAME, baselineOf, compareWithBaseline, shrinkBaseline, readBaseline, writeBaseline, BaselineError,
  type Baseline, type BaselineEntry, type BaselineComparison,
} from './baseline/baseline';
export { defaultBaselineFile } from './baseline/baseline-location';
export { defaultCacheFile, type CacheStats } from './cache/fact-cache';
export { writeFileAtomic } from './io/atomic-write';
export { readRegularText, INPUT_LIMITS } from './io/read-regular-file';
export type { Explanation, ImportExplanation } from './check/explain';
export { draftModuleMap, type DraftModuleMap } from './draft-module-map';
