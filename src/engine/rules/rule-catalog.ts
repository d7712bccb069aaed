import { DEFAULT_SEVERITY, RULE_IDS, type RuleId, type RuleSeverity } from '../model/rule-ids';
import { ALL_RULES } from './all-rules';

/** Where each rule's page lives; reporters (SARIF, editor diagnostics) link to it. */
export const RULE_DOCS_BASE = 'https://github.com/bulkhead-dev/bulkhead/blob/main/rules/docs/';

export interface RuleInfo {
  id: RuleId;
  description: string;
  defaultSeverity: RuleSeverity;
  helpUri: string;
}

const COMMENT_RULES: Partial<Record<RuleId, string>> = {
  'ignore-comment': 'A bulkhead-ignore comment gives no reason or names an unknown rule.',
  'unused-ignore': 'A bulkhead-ignore comment silences nothing.',
};

/** Every rule with its one-line description and doc page, in a stable order. */
export const RULE_CATALOG: readonly RuleInfo[] = RULE_IDS.map((id) => ({
  id,
  description: ALL_RULES.find((r) => r.id === id)?.description ?? COMMENT_RULES[id] ?? id,
  defaultSeverity: DEFAULT_SEVERITY[id],
  helpUri: `${RULE_DOCS_BASE}${id}.md`,
}));
