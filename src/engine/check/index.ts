/** The check stage's public surface: other stages and the engine's index import only this file. */
export { AnalysisState, type ConfigMemos } from './analysis-state';
export { analyzeWorkspace, type AnalysisInput } from './analyze-workspace';
export { explainFile, type Explanation, type ImportExplanation } from './explain';
export { patchResult, type DeltaInput, type DeltaOutcome } from './analysis-delta';
export { unresolvedOf } from './patched-unresolved';
export { restricted, type DeltaCandidates } from './affected-files';
export type { FilesScope } from './file-findings';
export { earlyViolations, NEEDS_EVERY_FILE } from './early-violations';
