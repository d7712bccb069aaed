import { type DirectImports, type UnscannedTargets, type FileIndex, type IndexedFile, type ModuleCrossing, ReExportTracer, cyclesOf, fileCrossings } from '../analyze';
import { affectedFiles, type DeltaCandidates } from './affected-files';
import { declarationReaders } from './declaration-readers';
import { type CheckResult, type ModuleDependency, RULE_IDS, type RuleId, type RuleSeverity, type UnresolvedImport, type Violation, modulePairKey } from '../model';
import { applyIgnores } from './apply-ignores';
import type { DependencyPolicy, ModuleInfo, ModuleMap } from '../map';
import { cycleFindings, type Finding } from '../rules';
import { findingsOfFiles, WORKSPACE_ONLY, type FilesScope } from './file-findings';
import type { AnalysisInput } from './analyze-workspace';
import { compareFindings, countViolatingSites, markInCycle, ruleSeverities, toViolations } from './analyze-workspace';

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
  const affected = readers.size === 0 ? affectedFiles(input) : [...new Set([...affectedFiles(input), ...readers])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
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
  const settle = (index: FileIndex, file: string, findings: readonly Finding[]): { violations: Violation[]; suppressed: number } => {
    const ignores = index.get(file)!.ignores;
    if (ignores.length === 0) return { violations: toViolations(findings, severityOf), suppressed: 0 };
    const { kept, suppressed, commentFindings } = applyIgnores(findings, new Map([[file, ignores]]), RULE_IDS, enabled);
    return { violations: toViolations([...kept, ...commentFindings.filter((f) => enabled.has(f.rule))], severityOf), suppressed };
  };
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
 * The module graph and cycles after the changes, and the cycle violations when they differ from
 * the previous ones. A string says why only a full analysis can tell: a cycle is reported (before
 * or after) in a file with ignore comments, or the previous cycle violations are not what the
 * previous graph gives.
 */
function updatedCycles(
  { after, before, map, policy }: DeltaInput,
  direct: DirectImports,
  changes: ReadonlyMap<string, { was: readonly ModuleCrossing[]; now: readonly ModuleCrossing[] }>,
  previous: CheckResult,
  severityOf: (rule: RuleId) => RuleSeverity,
  enabled: ReadonlySet<RuleId>,
): { direct: DirectImports; groupOf: ReadonlyMap<string, number>; violations?: Violation[] } | string {
  if (changes.size === 0) return { direct, groupOf: cyclesOf(direct).groupOf };
  const tracer = new ReExportTracer(after);
  const next = direct.replaced(changes, (file) => fileCrossings(after.get(file)!, map, tracer));
  const now = cyclesOf(next);
  if (!enabled.has('cycle')) return { direct: next, groupOf: now.groupOf };
  const wasFindings = cycleFindings(cyclesOf(direct).cycles, map, policy);
  const nowFindings = cycleFindings(now.cycles, map, policy);
  if (JSON.stringify(wasFindings) === JSON.stringify(nowFindings)) return { direct: next, groupOf: now.groupOf };
  for (const { file } of [...wasFindings, ...nowFindings]) {
    if ((before.get(file)?.ignores.length ?? 0) > 0 || (after.get(file)?.ignores.length ?? 0) > 0) return 'a module cycle is reported in a file with ignore comments';
  }
  const stored = previous.violations.filter((v) => v.rule === 'cycle');
  if (JSON.stringify(stored) !== JSON.stringify(toViolations(wasFindings, severityOf))) return 'the stored result does not match its facts';
  return { direct: next, groupOf: now.groupOf, violations: toViolations(nowFindings, severityOf) };
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

/** The module crossings of some files, traced in `index`. */
function crossingsOf(index: FileIndex, files: readonly string[], map: ModuleMap): ModuleCrossing[] {
  const tracer = new ReExportTracer(index);
  return files.flatMap((file) => fileCrossings(index.get(file)!, map, tracer));
}

/** Per module pair, the crossings before and after, for the pairs where they differ. */
function crossingChanges(was: readonly ModuleCrossing[], now: readonly ModuleCrossing[]): Map<string, { was: ModuleCrossing[]; now: ModuleCrossing[] }> {
  const byPair = new Map<string, { was: ModuleCrossing[]; now: ModuleCrossing[] }>();
  const add = (c: ModuleCrossing, side: 'was' | 'now'): void => {
    const key = modulePairKey(c.from.name, c.to.name);
    let pair = byPair.get(key);
    if (!pair) byPair.set(key, (pair = { was: [], now: [] }));
    pair[side].push(c);
  };
  for (const c of was) add(c, 'was');
  for (const c of now) add(c, 'now');
  // What a count, a cycle's quoted site or the cycles' graph (which leaves re-exports out) reads of a crossing.
  const site = (c: ModuleCrossing): string => {
    const { start, end } = c.fact.range;
    return `${c.file}\0${start.line}:${start.column}-${end.line}:${end.column}\0${c.fact.specifier}\0${c.targetFile}\0${c.reExport ? `${c.reExport.name}\0${c.reExport.origin.file}` : ''}`;
  };
  for (const [key, { was: a, now: b }] of byPair) if (a.length === b.length && a.every((c, i) => site(c) === site(b[i]))) byPair.delete(key);
  return byPair;
}

/**
 * The module dependencies with the changed pairs' import counts moved by the difference: a pair
 * that gains its first import becomes a dependency, one that loses its last is dropped. A string
 * says why the module cycles may differ (their findings quote import sites and counts), when
 * `guardCycles` (the caller cannot recompute the cycles, see updatedCycles):
 * - a pair inside a cycle changed;
 * - a pair gains an import (other than a re-export, which cycles leave out) while its target
 *   module reaches its source through the dependencies: the new import may close a loop.
 * A dependency outside every cycle can go without splitting one.
 */
function updatedDependencies(
  previous: readonly ModuleDependency[],
  changes: ReadonlyMap<string, { was: readonly ModuleCrossing[]; now: readonly ModuleCrossing[] }>,
  policy: DependencyPolicy,
  guardCycles: boolean,
): ModuleDependency[] | string {
  const dependencies = previous.map((d) => ({ ...d }));
  const deps = new Map(dependencies.map((d) => [modulePairKey(d.from, d.to), d]));
  // Every dependency before and after: reaching through it is a superset of reaching through cycles.
  const next = new Map<string, Set<string>>();
  const link = (from: string, to: string): void => {
    if (!next.has(from)) next.set(from, new Set());
    next.get(from)!.add(to);
  };
  if (guardCycles) {
    for (const d of previous) link(d.from, d.to);
    for (const { now } of changes.values()) if (now.length > 0) link(now[0].from.name, now[0].to.name);
  }
  let added = false;
  for (const [key, { was, now }] of changes) {
    const { from, to } = now[0] ?? was[0];
    const dep = deps.get(key);
    if (guardCycles && dep?.inCycle) return 'a dependency inside a module cycle changed';
    if (guardCycles && now.some((c) => !c.reExport) && reaches(next, to.name, from.name)) return 'a dependency may close a module cycle';
    const imports = (dep?.imports ?? 0) - was.length + now.length;
    if (!dep) {
      const created: ModuleDependency = { from: from.name, to: to.name, imports, declared: policy.verdict(from, to).allowed, violations: 0, inCycle: false };
      dependencies.push(created);
      deps.set(key, created);
      added = true;
    } else if (imports <= 0) {
      dependencies.splice(dependencies.indexOf(dep), 1);
      deps.delete(key);
    } else dep.imports = imports;
  }
  if (added) dependencies.sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  return dependencies;
}

function reaches(next: ReadonlyMap<string, ReadonlySet<string>>, start: string, goal: string): boolean {
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length > 0) {
    const m = queue.pop()!;
    if (m === goal) return true;
    for (const n of next.get(m) ?? []) {
      if (!seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
    }
  }
  return false;
}

/**
 * The unresolved list with the changed files' entries replaced, in result order (the files'):
 * in place when a file had entries, else where the file's position puts them.
 */
function updatedUnresolved(previous: readonly UnresolvedImport[], changed: readonly { file: string; now: UnresolvedImport[] }[], files: readonly string[], position?: (file: string) => number): UnresolvedImport[] {
  const unresolved = [...previous];
  // A large workspace has many files: their positions are looked up only when needed.
  let placed = position;
  for (const { file, now } of changed) {
    const [start, end] = rangeOf(unresolved, file, position);
    if (start < end || position) unresolved.splice(start, end - start, ...now);
    else if (now.length > 0) {
      if (!placed) {
        const positions = new Map(files.map((f, i) => [f, i]));
        placed = (f) => positions.get(f) ?? 0;
      }
      const at = placed(file);
      const before = unresolved.findIndex((u) => placed!(u.file) > at);
      unresolved.splice(before < 0 ? unresolved.length : before, 0, ...now);
    }
  }
  return unresolved;
}

/**
 * Where a file's entries are in a list in result order, as [start, end): found by halving when
 * `position` gives each file's place in that order, else by a walk (start = end when it has none;
 * with `position`, that is also where they go).
 */
function rangeOf(list: readonly UnresolvedImport[], file: string, position?: (file: string) => number): [number, number] {
  let start: number;
  if (position) {
    const at = position(file);
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (position(list[middle].file) < at) low = middle + 1;
      else high = middle;
    }
    start = low;
  } else {
    start = list.findIndex((u) => u.file === file);
    if (start < 0) return [0, 0];
  }
  let end = start;
  while (end < list.length && list[end].file === file) end++;
  return [start, end];
}

/** A file's unresolved imports as the result lists them. */
export function unresolvedOf({ file, facts, resolutions }: IndexedFile): UnresolvedImport[] {
  return facts.imports.flatMap((fact, i) => (resolutions[i].kind === 'unresolved' ? [{ file, range: fact.range, specifier: fact.specifier }] : []));
}
