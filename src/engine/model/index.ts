/** The model stage's public surface: other stages and the engine's index import only this file. */
export { modulePairKey } from './module-pair';
export { DECLARATION_FILE, toPosix } from './paths';
export type * from './result';
export { DEFAULT_SEVERITY, RULE_CATALOG, RULE_IDS, type RuleId, type RuleInfo, type RuleSeverity } from './rule-ids';
export { CONFIG_DOC_URL, RULE_DOCS_BASE, RULE_SEVERITIES, ruleDocUrl } from './rule-table';
export { FILE_START, LineIndex } from './text-position';
