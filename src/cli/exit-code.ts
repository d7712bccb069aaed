import type { CheckResult } from '../engine';

export const EXIT_OK = 0;
export const EXIT_VIOLATIONS = 1;
export const EXIT_USAGE = 2;

/** Whether the configuration is too broken to check the workspace. */
export function hasConfigErrors(result: CheckResult): boolean {
  return result.diagnostics.some((d) => d.severity === 'error');
}

/** 2 when the configuration is broken, 1 when an error-severity violation exists, else 0. */
export function exitCodeOf(result: CheckResult): number {
  if (hasConfigErrors(result)) return EXIT_USAGE;
  return result.summary.errors > 0 ? EXIT_VIOLATIONS : EXIT_OK;
}
