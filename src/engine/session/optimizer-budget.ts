import * as v8 from 'node:v8';
import { ts } from 'ts-morph';

/**
 * A full check runs the same functions (TypeScript's scanner, fact extraction, resolution) over
 * thousands of files, and V8 optimizes each after a short warm-up, then again after every deopt
 * on a path not seen yet: on medusa ~630 optimizing compiles, 1.9 s of its compiler threads' CPU,
 * against the floor's 110. With 4× V8's interrupt budget while files are indexed, feedback
 * settles before a function is optimized: medusa's cold check 5.31 → 4.71 s of CPU, 5k 3.10 →
 * 2.60 s, wall time alike (docs/performance.md, item 65). A short run (one changed file) loses
 * by it, so only indexing gets it.
 */
const DEFAULT_BUDGET = 66 * 1024;
const INDEXING_BUDGET = 4 * DEFAULT_BUDGET;
/** The V8 whose default budget that is (Node 20's): restoring another "default" would change the flags caches are made under. */
const MEASURED_V8 = /^11\.3\./;

let enabled = false;

/**
 * Opts this process in (the CLI does): V8's flags are the process's, so an embedder of the
 * engine keeps its own, and so does a process started with its own budget or on another V8.
 */
export function raiseOptimizerBudgetWhileIndexing(): void {
  const given = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => a.includes('interrupt-budget'));
  enabled = !given && MEASURED_V8.test(process.versions.v8);
}

/**
 * Raises the budget until the returned function is called. TypeScript is loaded first: a V8 code
 * cache is only accepted under the flags it was made with, and the caches are made at exit, under
 * the default budget again.
 */
export function raiseOptimizerBudget(): () => void {
  if (!enabled) return () => undefined;
  void ts.version;
  v8.setFlagsFromString(`--interrupt-budget=${INDEXING_BUDGET}`);
  return () => v8.setFlagsFromString(`--interrupt-budget=${DEFAULT_BUDGET}`);
}
