import { type RuleId, type RuleSeverity, DEFAULT_SEVERITY, RULE_IDS, type ModuleDependency, type Violation, modulePairKey } from '../model';
import { applyIgnores } from './apply-ignores';
import type { IgnoreComment } from '../suppress';
import type { DependencyPolicy, ModuleMap } from '../map';
import { ALL_RULES, type Finding, type RuleContext, reachesUnscannedPublic } from '../rules';
import { type FileIndex, type IndexedFile, incrementalCrossings, findModuleCycles, UnscannedTargets } from '../analyze';
import { fingerprints } from './fingerprint';
import type { AnalysisState } from './analysis-state';

export interface Analysis {
  violations: Violation[];
  dependencies: ModuleDependency[];
  importCount: number;
  /** Violations silenced by bulkhead-ignore comments. */
  suppressed: number;
}

export interface AnalysisInput {
  index: FileIndex;
  map: ModuleMap;
  policy: DependencyPolicy;
  severities: Partial<Record<RuleId, RuleSeverity>>;
  isLocalSpecifier: RuleContext['isLocalSpecifier'];
  database?: RuleContext['database'];
  /** What the scan skipped (see `uncheckedOf`); none by default. */
  unchecked?: RuleContext['unchecked'];
}

/**
 * Runs every enabled rule over the indexed workspace. Pure given the input and the state: the same
 * input gives the same output whatever the state holds; the state only saves work (see
 * analysis-state.ts), and only this function writes it.
 */
export function analyzeWorkspace({ index, map, policy, severities, isLocalSpecifier, database, unchecked = [] }: AnalysisInput, state: AnalysisState): Analysis {
  // Reuses the crossings of files that did not change since the last analysis.
  const { crossings, tracer, retraced } = incrementalCrossings(index, map, state.crossings);
  const { cycles, groupOf, direct } = findModuleCycles(crossings);
  state.direct = direct;
  state.unscanned = UnscannedTargets.of(crossings, reachesUnscannedPublic(index, map));
  const rules = state.under(map, policy, database).rules;
  const context: RuleContext = { index, map, policy, crossings, cycles, tracer, retraced, isLocalSpecifier, database, unchecked, state: rules };
  const { severityOf, enabled } = ruleSeverities(severities);
  const raw: Finding[] = [];
  for (const rule of ALL_RULES) {
    if (!enabled.has(rule.id)) continue;
    if (rule.fileFindings) {
      const memo = rules.fileFindings(rule.id);
      const perFile = (entry: IndexedFile): Finding[] => rule.fileFindings!(entry, context);
      for (const entry of index.values()) for (const f of memo.get(entry, perFile)) raw.push(f);
    }
    if (rule.workspaceFindings) for (const f of rule.workspaceFindings(context)) raw.push(f);
  }
  const ignoresByFile = new Map([...index.values()].filter((e) => e.ignores.length > 0).map((e) => [e.file, e.ignores]));
  const { violations, suppressed } = violationsAfterIgnores(raw, ignoresByFile, enabled, severityOf);

  const deps = new Map<string, ModuleDependency>();
  for (const c of crossings) {
    const key = modulePairKey(c.from.name, c.to.name);
    let dep = deps.get(key);
    if (!dep) {
      dep = { from: c.from.name, to: c.to.name, imports: 0, declared: policy.verdict(c.from, c.to).allowed, violations: 0, inCycle: false };
      deps.set(key, dep);
    }
    dep.imports++;
  }
  countViolatingSites(deps, violations);
  markInCycle(deps.values(), groupOf);
  let importCount = 0;
  for (const entry of index.values()) importCount += entry.facts.imports.length;
  const dependencies = [...deps.values()].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  return { violations, dependencies, importCount, suppressed };
}

/** Marks every dependency inside a strongly connected group: each is part of some loop. */
export function markInCycle(dependencies: Iterable<ModuleDependency>, groupOf: ReadonlyMap<string, number>): void {
  for (const dep of dependencies) {
    const group = groupOf.get(dep.from);
    dep.inCycle = group !== undefined && groupOf.get(dep.to) === group;
  }
}

/** Each rule's severity as the map sets it (else its default), and the rules not turned off. */
export function ruleSeverities(severities: AnalysisInput['severities']): { severityOf: (rule: RuleId) => RuleSeverity; enabled: ReadonlySet<RuleId> } {
  const severityOf = (rule: RuleId): RuleSeverity => severities[rule] ?? DEFAULT_SEVERITY[rule];
  return { severityOf, enabled: new Set(RULE_IDS.filter((r) => severityOf(r) !== 'off')) };
}

/**
 * Findings after the ignore comments of their files, as the result reports them: those kept, and
 * the comments' own findings (unused, ill-formed) where their rule is enabled; `undecided` as in
 * applyIgnores. The full analysis, a patch and the early findings all report them this way.
 */
export function violationsAfterIgnores(
  findings: readonly Finding[],
  ignoresByFile: ReadonlyMap<string, readonly IgnoreComment[]>,
  enabled: ReadonlySet<RuleId>,
  severityOf: (rule: RuleId) => RuleSeverity,
  undecided?: ReadonlySet<string>,
): { violations: Violation[]; suppressed: number } {
  const { kept, suppressed, commentFindings } = applyIgnores(findings, ignoresByFile, RULE_IDS, enabled, undecided);
  return { violations: toViolations([...kept, ...commentFindings.filter((f) => enabled.has(f.rule))], severityOf), suppressed };
}

/** Findings after ignore comments, as the result reports them: with severity and fingerprint, in document order. */
export function toViolations(findings: readonly Finding[], severityOf: (rule: RuleId) => RuleSeverity): Violation[] {
  const sorted = findings.map((f) => ({ ...f, severity: severityOf(f.rule) as 'error' | 'warn' })).sort(compareFindings);
  const prints = fingerprints(sorted);
  return sorted.map(({ identity: _identity, ...f }, i) => {
    const v: Violation = { ...f, fingerprint: prints[i] };
    if (!v.related || v.related.length === 0) delete v.related;
    return v;
  });
}

/** Sets each dependency's `violations`: the distinct import sites with a violation between its modules (cycles aside). */
export function countViolatingSites(deps: ReadonlyMap<string, ModuleDependency>, violations: readonly Violation[]): void {
  const violatingSites = new Set<string>();
  for (const dep of deps.values()) dep.violations = 0;
  for (const v of violations) {
    if (!v.sourceModule || !v.targetModule || v.rule === 'cycle') continue;
    const site = `${v.sourceModule}\0${v.targetModule}\0${v.file}\0${v.range.start.line}\0${v.range.start.column}`;
    const dep = deps.get(modulePairKey(v.sourceModule, v.targetModule));
    if (!dep || violatingSites.has(site)) continue;
    violatingSites.add(site);
    dep.violations++;
  }
}

/** Document order: file, position, then rule and target module; ties keep the order found. */
export function compareFindings(a: Pick<Finding, 'file' | 'range' | 'rule' | 'targetModule'>, b: Pick<Finding, 'file' | 'range' | 'rule' | 'targetModule'>): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.column - b.range.start.column ||
    a.rule.localeCompare(b.rule) ||
    (a.targetModule ?? '').localeCompare(b.targetModule ?? '')
  );
}
