import type { RuleSeverity } from '../../config';

/** An ESLint rule level (`2`, `"error"`, `1`, `"warn"`) as a Bulkhead severity; undefined when off. */
export function eslintSeverity(level: unknown): RuleSeverity | undefined {
  if (level === 2 || level === 'error') return 'error';
  if (level === 1 || level === 'warn') return 'warn';
  return undefined;
}
