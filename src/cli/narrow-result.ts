import * as path from 'node:path';
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
 * Violations that concern changed files: those in the files themselves and in every file whose
 * answers depend on them (importers, through barrels too), and cycles passing through a module
 * that holds such a file. A changed config, tsconfig, package.json, .gitignore or Prisma schema
 * can change any answer: then every violation counts.
 */
export function violationsForChangedFiles(result: CheckResult, changed: ReadonlySet<string>, session: Session | undefined): Violation[] {
  if (!session || [...changed].some((f) => session.needsFullCheck(path.join(result.root, f)))) return result.violations;
  const affected = session.dependentsOf(changed);
  const changedModules = new Set([...affected].map((f) => session.moduleOf(f)).filter((m): m is string => !!m));
  return result.violations.filter((v) => {
    if (affected.has(v.file)) return true;
    if (v.rule !== 'cycle') return false;
    const modules = [v.sourceModule, v.targetModule, ...(v.related ?? []).map((r) => session.moduleOf(r.file))];
    return modules.some((m) => m !== undefined && changedModules.has(m));
  });
}
