import type { FileIndex, IndexedFile, ModuleCrossing } from '../analyze';
import { affectedFiles, type DeltaCandidates } from './affected-files';
import { type CheckResult, type RuleId, type RuleSeverity, type UnresolvedImport, type Violation, DEFAULT_SEVERITY, RULE_IDS, modulePairKey } from '../model';
import { findingsOfFiles, WORKSPACE_ONLY } from './file-findings';
import type { AnalysisInput } from './analyze-workspace';
import { compareFindings, countViolatingSites, toViolations } from './analyze-workspace';

export interface DeltaInput extends Omit<AnalysisInput, 'index'> {
  /** The facts the previous result was computed from. */
  before: FileIndex;
  /** The same files, with the entries of `changed` replaced. */
  after: FileIndex;
  changed: readonly string[];
  /** The workspace's files in result order (the order of `unresolved`). */
  files: readonly string[];
  /**
   * Where to look instead of at every entry of `before` (which a cache reads on demand); the
   * changed files are looked at besides. Without it, every entry is.
   */
  candidates?: DeltaCandidates;
}

export type DeltaOutcome = { result: CheckResult; affected: number } | { fallback: string };

/** Rules whose findings only the whole workspace can tell: kept from the previous result when the conditions below hold. */
const KEPT = WORKSPACE_ONLY;

/**
 * The previous result brought up to date after a few files changed, by analysing only the files
 * whose findings can differ: the changed ones, and, when one's export surface changed, the files
 * importing something whose re-export tracing can reach it (see affected-files.ts). Gives exactly what a full analysis of
 * `after` gives, or a reason to run that instead:
 * - a changed file's table declarations (which other files' findings read) or an affected file's
 *   ignore comments changed;
 * - the module graph gained or lost a dependency, or a dependency inside a cycle changed (cycle
 *   findings quote import sites and counts);
 * - recomputing the affected files' findings from `before` does not give the previous result's
 *   (which also catches a stored result that is not what its facts say).
 */
export function patchResult(input: DeltaInput, previous: CheckResult): DeltaOutcome {
  const { before, after, changed } = input;
  for (const file of changed) {
    const was = before.get(file);
    const now = after.get(file);
    if (!was || !now) return { fallback: 'a file was added or removed' };
    // Other files' findings read a file's table declarations (the catalog, quoted lines); its references are its own.
    if (JSON.stringify(was.facts.database?.declarations ?? []) !== JSON.stringify(now.facts.database?.declarations ?? [])) return { fallback: 'table declarations changed' };
  }
  const affected = affectedFiles(input);
  for (const file of affected) {
    if (before.get(file)!.ignores.length > 0 || after.get(file)!.ignores.length > 0) return { fallback: 'an affected file has ignore comments' };
  }
  const severityOf = (rule: RuleId): RuleSeverity => input.severities[rule] ?? DEFAULT_SEVERITY[rule];
  const enabled = new Set(RULE_IDS.filter((r) => severityOf(r) !== 'off'));
  const remembered = { ...input, isLocalSpecifier: rememberedLocality(input, previous, enabled) };
  // The catalog reads table declarations, entity names also re-exports that rename them.
  const { candidates } = input;
  const declarers = candidates && enabled.has('database-coupling') ? [...candidates.declarers(), ...candidates.reExporters(), ...changed] : undefined;
  const was = findingsOfFiles(before, affected, remembered, enabled, declarers);
  const now = findingsOfFiles(after, affected, remembered, enabled, declarers);
  if (typeof was === 'string') return { fallback: was };
  if (typeof now === 'string') return { fallback: now };
  if (was.entities !== now.entities) return { fallback: 'the names entities are imported under changed' };

  const affectedSet = new Set(affected);
  const previousBlocks = new Map<string, Violation[]>();
  for (const v of previous.violations) {
    if (!affectedSet.has(v.file)) continue;
    const block = previousBlocks.get(v.file);
    if (block) block.push(v);
    else previousBlocks.set(v.file, [v]);
  }
  for (const file of affected) {
    const expected = (previousBlocks.get(file) ?? []).filter((v) => !KEPT.has(v.rule));
    if (JSON.stringify(toViolations(was.findings.get(file)!, severityOf)) !== JSON.stringify(expected)) return { fallback: 'the stored result does not match its facts' };
  }
  const changedSet = new Set(changed);
  const storedUnresolved = previous.unresolved.filter((u) => changedSet.has(u.file));
  if (JSON.stringify(storedUnresolved) !== JSON.stringify(changed.flatMap((f) => unresolvedOf(before.get(f)!)))) return { fallback: 'the stored result does not match its facts' };

  const dependencies = previous.dependencies.map((d) => ({ ...d }));
  const deps = new Map(dependencies.map((d) => [modulePairKey(d.from, d.to), d]));
  for (const [key, { was: wasSites, now: nowSites }] of crossingChanges(was.crossings, now.crossings)) {
    const dep = deps.get(key);
    if (!dep) return { fallback: 'the module graph gained a dependency' };
    const imports = dep.imports - wasSites.length + nowSites.length;
    if (imports <= 0) return { fallback: 'the module graph lost a dependency' };
    if (dep.inCycle) return { fallback: 'a dependency inside a module cycle changed' };
    dep.imports = imports;
  }

  const violations = previous.violations.filter((v) => !affectedSet.has(v.file));
  for (const file of affected) {
    const kept = (previousBlocks.get(file) ?? []).filter((v) => KEPT.has(v.rule));
    violations.push(...[...toViolations(now.findings.get(file)!, severityOf), ...kept].sort(compareFindings));
  }
  // Each file's block is in order; the blocks go where a full analysis puts them (file first).
  violations.sort((a, b) => (a.file === b.file ? 0 : a.file < b.file ? -1 : 1));
  countViolatingSites(deps, violations);

  const position = new Map(input.files.map((f, i) => [f, i]));
  const unresolved = [...previous.unresolved.filter((u) => !changedSet.has(u.file)), ...changed.flatMap((f) => unresolvedOf(after.get(f)!))]
    .sort((a, b) => (position.get(a.file) ?? 0) - (position.get(b.file) ?? 0));
  let imports = previous.summary.imports;
  for (const file of changed) imports += after.get(file)!.facts.imports.length - before.get(file)!.facts.imports.length;
  const summary = {
    ...previous.summary,
    imports,
    errors: violations.filter((v) => v.severity === 'error').length,
    warnings: violations.filter((v) => v.severity === 'warn').length,
  };
  return { result: { ...previous, summary, violations, dependencies, unresolved }, affected: affected.length };
}

/**
 * `isLocalSpecifier` answered from the previous result where it holds the answer: an unresolved
 * import of a file without ignore comments has an `unresolved-import` finding exactly when its
 * specifier is local. Asking again would load the file's tsconfig project (TypeScript), often the
 * largest cost of a patch; a specifier the previous facts do not have is still asked.
 */
function rememberedLocality({ before, isLocalSpecifier }: DeltaInput, previous: CheckResult, enabled: ReadonlySet<RuleId>): DeltaInput['isLocalSpecifier'] {
  if (!enabled.has('unresolved-import')) return isLocalSpecifier;
  const reported = new Set<string>();
  for (const v of previous.violations) if (v.rule === 'unresolved-import' && v.specifier !== undefined) reported.add(`${v.file}\0${v.specifier}`);
  return (specifier, file) => {
    const entry = before.get(file);
    const known = entry && entry.ignores.length === 0 && entry.facts.imports.some((fact, i) => fact.specifier === specifier && fact.kind !== 'reference-path' && entry.resolutions[i].kind === 'unresolved');
    return known ? reported.has(`${file}\0${specifier}`) : isLocalSpecifier(specifier, file);
  };
}

/** Per module pair, the crossings before and after, for the pairs where they differ. */
function crossingChanges(was: readonly ModuleCrossing[], now: readonly ModuleCrossing[]): Map<string, { was: string[]; now: string[] }> {
  const byPair = new Map<string, { was: string[]; now: string[] }>();
  const add = (c: ModuleCrossing, side: 'was' | 'now'): void => {
    const key = modulePairKey(c.from.name, c.to.name);
    let pair = byPair.get(key);
    if (!pair) byPair.set(key, (pair = { was: [], now: [] }));
    pair[side].push(JSON.stringify([c.file, c.fact, c.targetFile, c.reExport]));
  };
  for (const c of was) add(c, 'was');
  for (const c of now) add(c, 'now');
  for (const [key, { was: a, now: b }] of byPair) if (a.length === b.length && a.every((s, i) => s === b[i])) byPair.delete(key);
  return byPair;
}

/** A file's unresolved imports as the result lists them. */
export function unresolvedOf({ file, facts, resolutions }: IndexedFile): UnresolvedImport[] {
  return facts.imports.flatMap((fact, i) => (resolutions[i].kind === 'unresolved' ? [{ file, range: fact.range, specifier: fact.specifier }] : []));
}
