import type { CheckResult, Session, Violation } from '../engine';

/** The result with only some violations, its counts recomputed. */
export function withViolations(result: CheckResult, violations: Violation[]): CheckResult {
  return {
    ...result,
    violations,
    summary: {
      ...result.summary,
      errors: violations.filter((v) => v.severity === 'error').length,
      warnings: violations.filter((v) => v.severity === 'warn').length,
    },
  };
}

/**
 * Violations that concern changed files: those in the files themselves, and cycles passing
 * through a module that holds a changed file (a change there can close or open the loop).
 */
export function violationsForChangedFiles(result: CheckResult, changed: ReadonlySet<string>, session: Session | undefined): Violation[] {
  const changedModules = new Set([...changed].map((f) => session?.moduleOf(f)).filter((m): m is string => !!m));
  return result.violations.filter((v) => {
    if (changed.has(v.file)) return true;
    if (v.rule !== 'cycle') return false;
    const modules = [v.sourceModule, v.targetModule, ...(v.related ?? []).map((r) => session?.moduleOf(r.file))];
    return modules.some((m) => m !== undefined && changedModules.has(m));
  });
}
