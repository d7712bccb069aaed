import { type FileIndex, ReExportTracer, fileCrossings } from '../analyze';
import { restricted } from './affected-files';
import type { RuleId } from '../model';
import type { ModuleInfo } from '../map';
import { ALL_RULES, type DatabaseState, type Finding, type RuleContext, RuleState, databaseFindingsOf, internalImportsOf, newDatabaseState } from '../rules';
import type { AnalysisInput } from './analyze-workspace';

/** Rules whose findings only the whole workspace can tell (the module graph, the skipped files). */
export const WORKSPACE_ONLY: ReadonlySet<RuleId> = new Set(['cycle', 'unchecked-file']);

export interface FilesAnswer {
  /** Each file's findings before ignore comments, in the order a full analysis finds them. */
  findings: Map<string, Finding[]>;
  /** What entity imports read of every file's re-exports (see entityNames). */
  entities: string | undefined;
}

/** What the caller knows that spares visiting every file of the index. */
export interface FilesScope {
  /** The files `database-coupling`'s catalog reads: those that can declare tables or rename entities (every file when absent). */
  declarers?: Iterable<string>;
  /** Some of the index's files in its order (the catalog reads them in that order). */
  inIndexOrder?: (files: Iterable<string>) => string[];
  /** Each module's shortest public file, for the index's file list. */
  publicEntries?: ReadonlyMap<ModuleInfo, string>;
  /**
   * The table catalog and entity names when the caller keeps them (see session/patched-analysis.ts),
   * for `context`'s index traced with `tracer`; undefined builds them over `declarers`.
   */
  tables?: (context: RuleContext, tracer: ReExportTracer) => DatabaseState | undefined;
  /** The public files outside the scan that every crossing of the index reaches, per module (see UnscannedTargets); undefined when unknown. */
  outsideEntries?: () => ReadonlyMap<ModuleInfo, string> | undefined;
}

/**
 * The findings of `files` alone, with the rules' workspace parts asked per file, for
 * the rules in `rules` (those in WORKSPACE_ONLY are never asked); a string says why that cannot be
 * done. The index is only asked by name, except where `scope` leaves out what the rules need of
 * every file (the catalog's declarers, the modules' public entries).
 */
export function findingsOfFiles(
  index: FileIndex,
  files: readonly string[],
  input: Omit<AnalysisInput, 'index' | 'severities'>,
  rules: ReadonlySet<RuleId>,
  scope: FilesScope = {},
): FilesAnswer | string {
  const { map, policy, isLocalSpecifier, database, unchecked = [] } = input;
  const tracer = new ReExportTracer(index);
  const state = new RuleState();
  if (scope.publicEntries) state.publicEntries = { byModule: scope.publicEntries };
  const context: RuleContext = { index, map, policy, crossings: [], cycles: [], tracer, retraced: new Set(), isLocalSpecifier, database, unchecked, state };
  const tables = rules.has('database-coupling')
    ? scope.tables?.(context, tracer) ?? newDatabaseState({ ...context, index: restricted(index, scope.declarers, scope.inIndexOrder) }, tracer)
    : undefined;
  const findings = new Map<string, Finding[]>();
  for (const file of files) {
    const entry = index.get(file)!;
    const own: RuleContext = { ...context, crossings: fileCrossings(entry, map, tracer) };
    const raw: Finding[] = [];
    for (const rule of ALL_RULES) {
      if (!rules.has(rule.id)) continue;
      if (rule.fileFindings) raw.push(...rule.fileFindings(entry, own));
      if (!rule.workspaceFindings || WORKSPACE_ONLY.has(rule.id)) continue;
      if (rule.id === 'internal-import') {
        const found = internalImportsOf(own, scope.outsideEntries);
        if (!found) return 'an import of a module without a scanned public file';
        raw.push(...found);
      } else if (rule.id === 'undeclared-dependency') raw.push(...rule.workspaceFindings(own));
      else if (rule.id === 'database-coupling') raw.push(...databaseFindingsOf(entry, tables!, index));
      else return `rule ${rule.id} has no per-file part`;
    }
    findings.set(file, raw);
  }
  if (tracer.orderSensitive) return 'a re-export cycle';
  return { findings, entities: tables?.traced.entities?.signature };
}
