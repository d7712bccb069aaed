import type { CheckResult } from '../engine';

export const EXIT_OK = 0;
export const EXIT_VIOLATIONS = 1;
export const EXIT_USAGE = 2;

/** 2 when the configuration is broken, 1 when an error-severity violation exists, else 0. */
export function exitCodeOf(result: CheckResult): number {
  if (result.diagnostics.some((d) => d.severity === 'error')) return EXIT_USAGE;
  return result.summary.errors > 0 ? EXIT_VIOLATIONS : EXIT_OK;
}
