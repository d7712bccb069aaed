/** Comparing the workspace with itself at a git ref: `--since` in the CLI, "Changes since…" in the graph panel. */
export { diffResults, diffSummary, touchedModules, type GraphDiff } from './graph-diff';
export { resultAtRef, type ResultAtRef } from './result-at-ref';
export { resolveCommit } from './tree-at-ref';
export { defaultSinceRef, type DefaultSinceRef } from './default-since-ref';
export { SinceRefError } from './since-ref-error';
