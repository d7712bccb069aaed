import { createHash } from 'node:crypto';
import type { CheckResult, InputDiagnostic, Violation } from '../../engine';
import { pathFromCwd, type Reporter } from './reporter';

/** One issue of GitLab's Code Quality report (a subset of the Code Climate spec GitLab reads). */
interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  location: { path: string; lines: { begin: number; end: number } };
}

/**
 * GitLab Code Quality (`artifacts: reports: codequality`): violations and config problems as
 * issues, paths relative to where the job ran (the project directory), so merge requests show
 * them on the diff. Fingerprints are the violations' own: stable across runs and line moves.
 */
export const gitlabReporter: Reporter = (result, { cwd }) => {
  const where = (file: string): string => pathFromCwd(result, file, cwd);
  const issues: CodeQualityIssue[] = [
    ...result.diagnostics.filter((d) => d.severity !== 'info').map((d) => diagnosticIssue(d, where, result)),
    ...result.violations.map((v) => violationIssue(v, where)),
  ];
  return `${JSON.stringify(issues, null, 2)}\n`;
};

function violationIssue(v: Violation, where: (file: string) => string): CodeQualityIssue {
  return {
    description: v.message,
    check_name: `bulkhead/${v.rule}`,
    fingerprint: v.fingerprint,
    severity: v.severity === 'error' ? 'major' : 'minor',
    location: { path: where(v.file), lines: { begin: v.range.start.line, end: v.range.end.line } },
  };
}

function diagnosticIssue(d: InputDiagnostic, where: (file: string) => string, result: CheckResult): CodeQualityIssue {
  const key = `${result.config}\u0000${d.file}\u0000${d.code}\u0000${d.range.start.line}:${d.range.start.column}\u0000${d.message}`;
  return {
    description: d.message,
    check_name: `bulkhead/${d.code}`,
    fingerprint: createHash('sha256').update(key).digest('hex').slice(0, 20),
    // A broken config stops the check: the merge request must not look clean.
    severity: d.severity === 'error' ? 'blocker' : 'minor',
    location: { path: where(d.file), lines: { begin: d.range.start.line, end: d.range.end.line } },
  };
}
