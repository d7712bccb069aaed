import type { RuleId, Violation } from '../model';
import type { AnalysisInput } from './analyze-workspace';
import { ruleSeverities, violationsAfterIgnores } from './analyze-workspace';
import { findingsOfFiles, WORKSPACE_ONLY } from './file-findings';

/** Rules whose findings in a file need every file read: the module graph, the skipped files, the table catalog. */
export const NEEDS_EVERY_FILE: ReadonlySet<RuleId> = new Set([...WORKSPACE_ONLY, 'database-coupling']);

/**
 * The violations of a few files that can be told before the rest of the workspace is read (an
 * editor's open files during its first scan): every rule but those in NEEDS_EVERY_FILE, with the
 * index asked only by name (the files these import and trace through). For each file, exactly the
 * violations of those rules a full analysis gives it; ignore comments naming a left-out rule are
 * not reported unused here. A string says why they cannot be told early (the full check will).
 */
export function earlyViolations(input: AnalysisInput, files: readonly string[]): Map<string, Violation[]> | string {
  const { severityOf, enabled } = ruleSeverities(input.severities);
  const early = new Set([...enabled].filter((r) => !NEEDS_EVERY_FILE.has(r)));
  const answer = findingsOfFiles(input.index, files, input, early);
  if (typeof answer === 'string') return answer;
  const byFile = new Map<string, Violation[]>();
  for (const [file, findings] of answer.findings) {
    const ignores = input.index.get(file)!.ignores;
    byFile.set(file, violationsAfterIgnores(findings, new Map(ignores.length > 0 ? [[file, ignores]] : []), enabled, severityOf, NEEDS_EVERY_FILE).violations);
  }
  return byFile;
}
