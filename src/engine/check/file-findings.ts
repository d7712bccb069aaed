import { type FileIndex, type ModuleCrossing, ReExportTracer, fileCrossings } from '../analyze';
import { restricted } from './affected-files';
import type { RuleId } from '../model';
import { ALL_RULES, type Finding, type RuleContext, RuleState, databaseFindingsOf, internalImportsOf, newDatabaseState } from '../rules';
import type { AnalysisInput } from './analyze-workspace';

/** Rules whose findings only the whole workspace can tell (the module graph, the skipped files). */
export const WORKSPACE_ONLY: ReadonlySet<RuleId> = new Set(['cycle', 'unchecked-file']);

export interface FilesAnswer {
  /** Each file's findings before ignore comments, in the order a full analysis finds them. */
  findings: Map<string, Finding[]>;
  crossings: ModuleCrossing[];
  /** What entity imports read of every file's re-exports (see entityNames). */
  entities: string | undefined;
}

/**
 * The findings and crossings of `files` alone, with the rules' workspace parts asked per file, for
 * the rules in `rules` (those in WORKSPACE_ONLY are never asked); a string says why that cannot be
 * done. The index is only asked by name, except `database-coupling`'s catalog, which reads the
 * files in `declarers` (every file when undefined): those that can declare tables or rename entities.
 */
export function findingsOfFiles(
  index: FileIndex,
  files: readonly string[],
  input: Omit<AnalysisInput, 'index' | 'severities'>,
  rules: ReadonlySet<RuleId>,
  declarers?: Iterable<string>,
): FilesAnswer | string {
  const { map, policy, isLocalSpecifier, database, unchecked = [] } = input;
  const tracer = new ReExportTracer(index);
  const context: RuleContext = { index, map, policy, crossings: [], cycles: [], tracer, retraced: new Set(), isLocalSpecifier, database, unchecked, state: new RuleState() };
  const tables = rules.has('database-coupling') ? newDatabaseState({ ...context, index: restricted(index, declarers) }, tracer) : undefined;
  const findings = new Map<string, Finding[]>();
  const crossings: ModuleCrossing[] = [];
  for (const file of files) {
    const entry = index.get(file)!;
    const own: RuleContext = { ...context, crossings: fileCrossings(entry, map, tracer) };
    const raw: Finding[] = [];
    for (const rule of ALL_RULES) {
      if (!rules.has(rule.id)) continue;
      if (rule.fileFindings) raw.push(...rule.fileFindings(entry, own));
      if (!rule.workspaceFindings || WORKSPACE_ONLY.has(rule.id)) continue;
      if (rule.id === 'internal-import') {
        const found = internalImportsOf(own);
        if (!found) return 'an import of a module without a scanned public file';
        raw.push(...found);
      } else if (rule.id === 'undeclared-dependency') raw.push(...rule.workspaceFindings(own));
      else if (rule.id === 'database-coupling') raw.push(...databaseFindingsOf(entry, tables!, index));
      else return `rule ${rule.id} has no per-file part`;
    }
    findings.set(file, raw);
    crossings.push(...own.crossings);
  }
  if (tracer.orderSensitive) return 'a re-export cycle';
  return { findings, crossings, entities: tables?.traced.entities?.signature };
}
