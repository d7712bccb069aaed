import { RULE_IDS, type RuleId, type Violation } from '../model';
import { applyIgnores } from './apply-ignores';
import type { AnalysisInput } from './analyze-workspace';
import { ruleSeverities, toViolations } from './analyze-workspace';
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
    const { kept, commentFindings } = applyIgnores(findings, new Map(ignores.length > 0 ? [[file, ignores]] : []), RULE_IDS, enabled, NEEDS_EVERY_FILE);
    byFile.set(file, toViolations([...kept, ...commentFindings.filter((f) => enabled.has(f.rule))], severityOf));
  }
  return byFile;
}
