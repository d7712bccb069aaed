/** The session stage's public surface: other stages and the engine's index import only this file. */
export { checkWorkspace, openWorkspace, WorkspaceOpening, type EarlyFile, type OpeningProgress } from './open-workspace';
export { needsFullCheck, workspacePaths, type SessionOptions, type WorkspacePaths } from './session-options';
export type { AnalysisKind, OpenedWorkspace, Session, UnconfiguredWorkspace } from './session-types';
export { raiseOptimizerBudgetWhileIndexing } from './optimizer-budget';
