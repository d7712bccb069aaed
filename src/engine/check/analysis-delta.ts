import type { DirectImports, FileIndex, UnscannedTargets } from '../analyze';
import { affectedFiles, type DeltaCandidates } from './affected-files';
import { crossingChanges, crossingsOf, updatedCycles, updatedDependencies } from './patched-module-graph';
import { rangeOf, unresolvedOf, updatedUnresolved } from './patched-unresolved';
import { declarationReaders } from './declaration-readers';
import { type CheckResult, type RuleId, type Violation, modulePairKey } from '../model';
import type { ModuleInfo } from '../map';
import type { Finding } from '../rules';
import { findingsOfFiles, WORKSPACE_ONLY, type FilesScope } from './file-findings';
import type { AnalysisInput } from './analyze-workspace';
import { compareFindings, countViolatingSites, markInCycle, ruleSeverities, violationsAfterIgnores } from './analyze-workspace';

export interface DeltaInput extends Omit<AnalysisInput, 'index'> {
  /** The facts the previous result was computed from. */
  before: FileIndex;
  /** The same files, with the entries of `changed` replaced. */
  after: FileIndex;
  changed: readonly string[];
  /** The workspace's files in result order (the order of `unresolved`). */
  files: readonly string[];
  /** Each file's place in that order, when the caller keeps it (else `files` is walked). */
  position?: (file: string) => number;
  /**
   * Where to look instead of at every entry of `before` (which a cache reads on demand); the
   * changed files are looked at besides. Without it, every entry is.
   */
  candidates?: DeltaCandidates;
  /** Each module's shortest public file, when the caller keeps it for this file list (see publicEntriesOf). */
  publicEntries?: ReadonlyMap<ModuleInfo, string>;
  /** The table catalog and entity names, when the caller keeps them (see FilesScope.tables). */
  tables?: FilesScope['tables'];
  /** More files to analyse than this and the caller's full analysis is cheaper (each is analysed twice here). */
  maxAffected?: number;
  /**
   * The module graph of the previous result, when the caller keeps it (a session): the patch then
   * recomputes the module cycles from it instead of giving way whenever they can change.
   */
  direct?: DirectImports;
  /** The public files outside the scan that the previous result's crossings reach, when the caller keeps them. */
  unscanned?: UnscannedTargets;
}

/** `direct`, `unscanned`: those of the patched result, when the input had the previous ones. */
export type DeltaOutcome = { result: CheckResult; affected: number; direct?: DirectImports; unscanned?: UnscannedTargets } | { fallback: string };

/** Rules whose findings only the whole workspace can tell: kept from the previous result when the conditions below hold. */
const KEPT = WORKSPACE_ONLY;

/**
 * The previous result brought up to date after a few files changed, by analysing only the files
 * whose findings can differ: the changed ones, and, when one's export surface changed, the files
 * importing something whose re-export tracing can reach it (see affected-files.ts), and, when a
 * file's table declarations changed, the files that read them (see declaration-readers.ts). Gives
 * exactly what a full analysis of `after` gives, or a reason to run that instead:
 * - a changed file's table declarations changed and the candidates cannot tell who reads them;
 * - an affected file has an ignore comment naming a rule whose findings only the whole workspace
 *   tells (its other comments are applied here, as the full analysis does);
 * - without the previous module graph (`direct`): the module graph gained or lost a dependency
 *   that can close a loop, or a dependency inside a cycle changed (cycle findings quote import
 *   sites and counts); with it, a cycle reported in a file with ignore comments changed;
 * - recomputing the affected files' findings from `before` does not give the previous result's
 *   (which also catches a stored result that is not what its facts say).
 */
export function patchResult(input: DeltaInput, previous: CheckResult): DeltaOutcome {
  const { before, after, changed } = input;
  const declaring: string[] = [];
  for (const file of changed) {
    const was = before.get(file);
    const now = after.get(file);
    if (!was || !now) return { fallback: 'a file was added or removed' };
    if (JSON.stringify(was.facts.database?.declarations ?? []) !== JSON.stringify(now.facts.database?.declarations ?? [])) declaring.push(file);
  }
  // Other files' findings read a file's table declarations (the catalog, quoted lines); its references are its own.
  const readers = declarationReaders(input, declaring);
  if (!readers) return { fallback: 'table declarations changed' };
  const question = { ...input, quoting: (files: ReadonlySet<string>) => quotersOf(previous, files) };
  const affected = readers.size === 0 ? affectedFiles(question) : [...new Set([...affectedFiles(question), ...readers])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (input.maxAffected !== undefined && affected.length > input.maxAffected) return { fallback: `${affected.length} files to analyse again` };
  for (const file of affected) {
    // Whether those rules' findings are silenced there, and so whether the comment is used, only the whole workspace tells.
    const comments = [...before.get(file)!.ignores, ...after.get(file)!.ignores];
    if (comments.some((c) => c.rules.some((r) => KEPT.has(r as RuleId)))) return { fallback: `an affected file has an ignore comment for ${[...KEPT].join(' or ')}` };
  }
  // The module graph first: a change a patch cannot follow is found before the rules run.
  const changes = crossingChanges(crossingsOf(before, affected, input.map), crossingsOf(after, affected, input.map));
  const dependencies = updatedDependencies(previous.dependencies, changes, input.policy, input.direct === undefined);
  if (typeof dependencies === 'string') return { fallback: dependencies };
  const { severityOf, enabled } = ruleSeverities(input.severities);
  const cycles = input.direct && updatedCycles(input, input.direct, changes, previous, severityOf, enabled);
  if (typeof cycles === 'string') return { fallback: cycles };
  const remembered = { ...input, isLocalSpecifier: rememberedLocality(input, previous, enabled) };
  // The advice for a module outside the scan names a file every importer of it reads.
  const unscanned = input.unscanned?.replaced(changes.values());
  if (unscanned && unscanned !== input.unscanned && !sameEntries(input.unscanned!.entries(), unscanned.entries())) return { fallback: 'the public file advised for a module outside the scan changed' };
  const outsideEntries = unscanned && ((): ReadonlyMap<ModuleInfo, string> => unscanned.entries());
  // The catalog reads table declarations, entity names also re-exports that rename them.
  const { candidates } = input;
  const declarers = candidates && enabled.has('database-coupling') ? [...candidates.declarers(), ...candidates.reExporters(), ...changed] : undefined;
  const scope = { declarers, inIndexOrder: candidates?.inIndexOrder?.bind(candidates), publicEntries: input.publicEntries, tables: input.tables, outsideEntries };
  const was = findingsOfFiles(before, affected, remembered, enabled, scope);
  const now = findingsOfFiles(after, affected, remembered, enabled, scope);
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
  // Each affected file's findings after its own ignore comments, as the full analysis applies them.
  const settle = (index: FileIndex, file: string, findings: readonly Finding[]): { violations: Violation[]; suppressed: number } =>
    violationsAfterIgnores(findings, new Map([[file, index.get(file)!.ignores]]), enabled, severityOf);
  let suppressed = previous.summary.suppressed;
  const settled = new Map<string, Violation[]>();
  for (const file of affected) {
    const expected = (previousBlocks.get(file) ?? []).filter((v) => !KEPT.has(v.rule));
    const wasSettled = settle(before, file, was.findings.get(file)!);
    if (JSON.stringify(wasSettled.violations) !== JSON.stringify(expected)) return { fallback: 'the stored result does not match its facts' };
    const nowSettled = settle(after, file, now.findings.get(file)!);
    settled.set(file, nowSettled.violations);
    suppressed += nowSettled.suppressed - wasSettled.suppressed;
  }
  const storedUnresolved = changed.flatMap((f) => previous.unresolved.slice(...rangeOf(previous.unresolved, f, input.position)));
  if (JSON.stringify(storedUnresolved) !== JSON.stringify(changed.flatMap((f) => unresolvedOf(before.get(f)!)))) return { fallback: 'the stored result does not match its facts' };

  const deps = new Map(dependencies.map((d) => [modulePairKey(d.from, d.to), d]));

  // Cycle violations are kept as they were unless the cycles' findings changed.
  const replaced = (v: Violation): boolean => cycles?.violations !== undefined && v.rule === 'cycle';
  const violations = previous.violations.filter((v) => !affectedSet.has(v.file) && !replaced(v));
  for (const file of affected) {
    const kept = (previousBlocks.get(file) ?? []).filter((v) => KEPT.has(v.rule) && !replaced(v));
    violations.push(...settled.get(file)!, ...kept);
  }
  violations.push(...(cycles?.violations ?? []));
  // In document order as a full analysis sorts them; ties (one rule, one site) keep their order.
  violations.sort(compareFindings);
  countViolatingSites(deps, violations);
  if (cycles) markInCycle(dependencies, cycles.groupOf);

  const unresolved = updatedUnresolved(previous.unresolved, changed.map((f) => ({ file: f, now: unresolvedOf(after.get(f)!) })), input.files, input.position);
  let imports = previous.summary.imports;
  for (const file of changed) imports += after.get(file)!.facts.imports.length - before.get(file)!.facts.imports.length;
  const summary = {
    ...previous.summary,
    imports,
    suppressed,
    errors: violations.filter((v) => v.severity === 'error').length,
    warnings: violations.filter((v) => v.severity === 'warn').length,
  };
  return { result: { ...previous, summary, violations, dependencies, unresolved }, affected: affected.length, direct: cycles?.direct, unscanned };
}

function sameEntries(a: ReadonlyMap<ModuleInfo, string>, b: ReadonlyMap<ModuleInfo, string>): boolean {
  return a.size === b.size && [...a].every(([module, file]) => b.get(module) === file);
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

/** The files of previous findings that quote a place in one of `files` (a re-export on their chain). */
function quotersOf(previous: CheckResult, files: ReadonlySet<string>): string[] {
  return previous.violations.filter((v) => v.related?.some((r) => files.has(r.file))).map((v) => v.file);
}
