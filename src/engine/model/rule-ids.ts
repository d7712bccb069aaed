import { RULES, ruleDocUrl, type RuleId, type RuleSeverity } from './rule-table';

export type { RuleId, RuleSeverity };

/** Lookups derived from RULES (rule-table.ts); never list rules by hand. */
export const RULE_IDS: readonly RuleId[] = RULES.map((r) => r.id);

export const DEFAULT_SEVERITY = Object.fromEntries(RULES.map((r) => [r.id, r.defaultSeverity])) as Record<RuleId, RuleSeverity>;

export interface RuleInfo {
  id: RuleId;
  description: string;
  defaultSeverity: RuleSeverity;
  helpUri: string;
}

/** Every rule with its one-line description and doc page, in a stable order. */
export const RULE_CATALOG: readonly RuleInfo[] = RULES.map((r) => ({
  id: r.id,
  description: r.description,
  defaultSeverity: r.defaultSeverity,
  helpUri: ruleDocUrl(r.id),
}));
