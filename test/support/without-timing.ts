import type { CheckResult } from '../../src/engine';

/** A result without its timing, the one part two checks of the same input may differ in. */
export function withoutTiming(result: CheckResult): CheckResult {
  return { ...result, summary: { ...result.summary, durationMs: 0 } };
}
