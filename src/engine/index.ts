/** The engine's public surface: the CLI, the language server and tests import only this. */
export { WorkspaceSession, checkWorkspace, type SessionOptions } from './session';
export type * from './model/result';
export type { BulkheadConfig, RuleId, RuleSeverity } from './config/config-types';
export { RULE_IDS, DEFAULT_SEVERITY } from './model/rule-ids';
export { ALL_RULES } from './rules/all-rules';
export { CONFIG_FILE_NAME } from './config/load-config';
/** Whether a `dependsOn`/constraint selector names a module: for hosts that draw the map (the graph). */
export { selects } from './map/selectors';
export { VERSION } from './version';
export type { Fix, FileEdit, FixKind } from './fixes/fix';
export { applyFileEdits } from './fixes/add-dependency-fix';
export { REASON_PLACEHOLDER } from './fixes/ignore-comment-fix';
export { RULE_CATALOG, RULE_DOCS_BASE, type RuleInfo } from './rules/rule-catalog';
export {
  BASELINE_FILE_NAME, baselineOf, compareWithBaseline, shrinkBaseline, readBaseline, writeBaseline, BaselineError,
  type Baseline, type BaselineEntry, type BaselineComparison,
} from './baseline/baseline';
export { defaultCacheFile, type CacheStats } from './cache/fact-cache';
export { writeFileAtomic } from './io/atomic-write';
export type { Explanation, ImportExplanation } from './check/explain';
export { inferModuleMap, type InferredMap } from './init/infer-module-map';
export { draftModuleMap, type DraftModuleMap } from './draft-module-map';
