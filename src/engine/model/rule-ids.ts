export type RuleSeverity = 'error' | 'warn' | 'off';

export type RuleId =
  | 'internal-import'
  | 'undeclared-dependency'
  | 'cycle'
  | 'unowned-file'
  | 'unresolved-import'
  | 'ignore-comment'
  | 'unused-ignore'
  | 'database-coupling';

export const RULE_IDS: readonly RuleId[] = [
  'internal-import',
  'undeclared-dependency',
  'cycle',
  'unowned-file',
  'unresolved-import',
  'ignore-comment',
  'unused-ignore',
  'database-coupling',
];

export const DEFAULT_SEVERITY: Record<RuleId, RuleSeverity> = {
  'internal-import': 'error',
  'undeclared-dependency': 'error',
  cycle: 'error',
  'unowned-file': 'off',
  'unresolved-import': 'warn',
  'ignore-comment': 'error',
  'unused-ignore': 'warn',
  'database-coupling': 'error',
};
