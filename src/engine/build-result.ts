import { analyzeWorkspace, type AnalysisInput } from './check/analyze-workspace';
import type { IndexedFile } from './analyze/file-index';
import type { ModuleMap } from './map/module-map';
import type { CheckResult, InputDiagnostic, UnresolvedImport } from './model/result';
import { VERSION } from './version';

export interface ResultParts {
  root: string;
  /** Config file, relative to root. */
  config: string;
  diagnostics: InputDiagnostic[];
  files: readonly string[];
  /** Absent when the config could not be loaded: the result then holds only diagnostics. */
  analysis?: AnalysisInput;
  started: number;
}

/** Runs the rules and assembles the documented result (rules/schema/result.schema.json). */
export function buildCheckResult({ root, config, diagnostics, files, analysis: input, started }: ResultParts): CheckResult {
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
    const analysis = analyzeWorkspace(input);
    const fileCounts = fileCountsOf(map, files);
    result.violations = analysis.violations;
    result.dependencies = analysis.dependencies;
    result.modules = [...map.modules.values()]
      .map((m) => ({ name: m.name, roots: [...m.roots].sort(), fileCount: fileCounts.get(m.name) ?? 0, tags: m.tags, dependsOn: m.dependsOn ?? [], public: [...m.public] }))
      .sort((a, b) => a.name.localeCompare(b.name));
    result.unresolved = [];
    for (const entry of index.values()) for (const u of unresolvedOf(entry)) result.unresolved.push(u);
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

/** Per module map (a new one is built whenever the file set changes), with the files it was counted for. */
const countsByMap = new WeakMap<ModuleMap, { files: readonly string[]; counts: ReadonlyMap<string, number> }>();

function fileCountsOf(map: ModuleMap, files: readonly string[]): ReadonlyMap<string, number> {
  const known = countsByMap.get(map);
  if (known?.files === files) return known.counts;
  const counts = new Map<string, number>();
  for (const file of files) {
    const m = map.moduleOf(file);
    if (m) counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
  }
  countsByMap.set(map, { files, counts });
  return counts;
}

/** An editor re-analyses on every keystroke; only the edited file's entry is new. */
const unresolvedByEntry = new WeakMap<IndexedFile, readonly UnresolvedImport[]>();

function unresolvedOf(entry: IndexedFile): readonly UnresolvedImport[] {
  let list = unresolvedByEntry.get(entry);
  if (!list) {
    const { file, facts, resolutions } = entry;
    list = facts.imports.flatMap((fact, i) => (resolutions[i].kind === 'unresolved' ? [{ file, range: fact.range, specifier: fact.specifier }] : []));
    unresolvedByEntry.set(entry, list);
  }
  return list;
}
