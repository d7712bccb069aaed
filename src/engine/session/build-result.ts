import { analyzeWorkspace, type AnalysisInput, AnalysisState, type ConfigMemos, unresolvedOf } from '../check';
import type { ModuleMap } from '../map';
import type { CheckResult, InputDiagnostic } from '../model';
import { VERSION } from '../version';

export interface ResultParts {
  root: string;
  /** Config file, relative to root. */
  config: string;
  diagnostics: InputDiagnostic[];
  files: readonly string[];
  /** Absent when the config could not be loaded: the result then holds only diagnostics. */
  analysis?: AnalysisInput;
  /** What this analysis may reuse from the session's previous one, and updates (a one-shot check needs none). */
  state?: AnalysisState;
  started: number;
}

/** Runs the rules and assembles the documented result (rules/schema/result.schema.json). */
export function buildCheckResult({ root, config, diagnostics, files, analysis: input, state = new AnalysisState(), started }: ResultParts): CheckResult {
  const result: CheckResult = {
    version: 1,
    tool: { name: 'bulkhead', version: VERSION },
    root,
    config,
    summary: { files: 0, modules: 0, imports: 0, errors: 0, warnings: 0, suppressed: 0, durationMs: 0 },
    violations: [],
    diagnostics,
    modules: [],
    dependencies: [],
    unresolved: [],
  };
  if (input) {
    const { map, index } = input;
    const analysis = analyzeWorkspace(input, state);
    const memos = state.under(map, input.policy, input.database);
    const fileCounts = fileCountsOf(map, files, memos);
    result.violations = analysis.violations;
    result.dependencies = analysis.dependencies;
    result.modules = [...map.modules.values()]
      .map((m) => ({ name: m.name, roots: [...m.roots].sort(), fileCount: fileCounts.get(m.name) ?? 0, tags: m.tags, dependsOn: m.dependsOn ?? [], public: [...m.public] }))
      .sort((a, b) => a.name.localeCompare(b.name));
    result.unresolved = [];
    // An editor re-analyses on every keystroke; only the edited file's entry is new.
    for (const entry of index.values()) for (const u of memos.unresolved.get(entry, unresolvedOf)) result.unresolved.push(u);
    result.summary.files = files.length;
    result.summary.modules = map.modules.size;
    result.summary.imports = analysis.importCount;
    result.summary.suppressed = analysis.suppressed;
  }
  result.summary.errors = result.violations.filter((v) => v.severity === 'error').length;
  result.summary.warnings = result.violations.filter((v) => v.severity === 'warn').length;
  result.summary.durationMs = Math.round(performance.now() - started);
  return result;
}

/** Kept while the module map and the file list are the same (an edit changes neither). */
function fileCountsOf(map: ModuleMap, files: readonly string[], memos: ConfigMemos): ReadonlyMap<string, number> {
  if (memos.moduleCounts?.files === files) return memos.moduleCounts.counts;
  const counts = new Map<string, number>();
  for (const file of files) {
    const m = map.moduleOf(file);
    if (m) counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
  }
  memos.moduleCounts = { files, counts };
  return counts;
}
