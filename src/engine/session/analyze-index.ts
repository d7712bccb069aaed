import { buildCheckResult } from './build-result';
import type { AnalysisInput, AnalysisState } from '../check';
import type { CheckResult, InputDiagnostic } from '../model';
import type { WorkspaceIndex } from './workspace-index';
import type { WorkspaceSetup } from './workspace-setup';

/** The rules over the current facts, as the documented result; `started` is when the work began. */
export function analyzeIndex(setup: WorkspaceSetup, files: WorkspaceIndex, state: AnalysisState, started: number): CheckResult {
  const index = files.index;
  const read = [...setup.discoveryDiagnostics, ...files.diagnostics];
  return buildCheckResult({
    root: setup.root,
    config: setup.configName,
    diagnostics: resultDiagnostics(setup, files),
    files: files.files,
    analysis: { index, ...analysisInput(setup, files), unchecked: uncheckedOf(read) },
    state,
    started,
  });
}

/** The result's diagnostics: the config's, the map's, the database setup's, discovery's, the projects' and the files' read notices. */
export function resultDiagnostics(setup: WorkspaceSetup, files: WorkspaceIndex): InputDiagnostic[] {
  return [
    ...setup.loaded.diagnostics,
    ...files.map.diagnostics,
    ...setup.database.diagnostics,
    ...setup.discoveryDiagnostics,
    ...setup.resolution.projects.diagnostics,
    ...files.diagnostics,
  ];
}

/** What the rules read besides the facts (and the skipped files, which only the full analysis reports). */
export function analysisInput(setup: WorkspaceSetup, files: WorkspaceIndex): Omit<AnalysisInput, 'index'> {
  return {
    map: files.map,
    policy: setup.policy,
    severities: setup.config.rules ?? {},
    isLocalSpecifier: (specifier, file) => setup.resolution.isLocalSpecifier(specifier, file),
    database: setup.database,
  };
}


/** Notices that mean a source file or folder was skipped (not `.gitignore`, whose notice says its ignored files are checked). */
const SKIPPED = new Set(['binary', 'too-large', 'unreadable', 'not-utf8-name']);

function uncheckedOf(diagnostics: readonly InputDiagnostic[]): { file: string; message: string }[] {
  return diagnostics.filter((d) => d.code !== undefined && SKIPPED.has(d.code) && d.file !== '.gitignore').map((d) => ({ file: d.file, message: d.message }));
}
