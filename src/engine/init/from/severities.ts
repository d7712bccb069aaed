import type { RuleId, RuleSeverity } from '../../config';

/** The severity of each Bulkhead rule a translated config uses. */
export type Severities = Partial<Record<RuleId, RuleSeverity>>;

const RANK: Record<RuleSeverity, number> = { off: 0, warn: 1, error: 2 };

/**
 * Bulkhead has one severity per rule, other tools one per constraint: the translation keeps the
 * strictest of the constraints a rule carries, so nothing that failed a build stops failing it.
 */
export function strictest(severities: Severities, rule: RuleId, severity: RuleSeverity): void {
  const now = severities[rule];
  if (now === undefined || RANK[severity] > RANK[now]) severities[rule] = severity;
}
