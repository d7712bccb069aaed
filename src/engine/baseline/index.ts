/** The baseline stage's public surface: other stages and the engine's index import only this file. */
export { BASELINE_FILE_NAME, BaselineError, baselineOf, compareWithBaseline, readBaseline, shrinkBaseline, writeBaseline, type Baseline, type BaselineComparison, type BaselineEntry } from './baseline';
export { defaultBaselineFile } from './baseline-location';
