import { type DirectImports, type FileIndex, type ModuleCrossing, ReExportTracer, cyclesOf, fileCrossings } from '../analyze';
import type { DependencyPolicy, ModuleMap } from '../map';
import { type CheckResult, type ModuleDependency, type RuleId, type RuleSeverity, type Violation, modulePairKey } from '../model';
import { cycleFindings } from '../rules';
import { toViolations } from './analyze-workspace';

/** Per module pair whose crossings changed, those crossings in the re-analysed files before and after. */
export type PairChanges = ReadonlyMap<string, { was: readonly ModuleCrossing[]; now: readonly ModuleCrossing[] }>;

/** The module crossings of some files, traced in `index`. */
export function crossingsOf(index: FileIndex, files: readonly string[], map: ModuleMap): ModuleCrossing[] {
  const tracer = new ReExportTracer(index);
  return files.flatMap((file) => fileCrossings(index.get(file)!, map, tracer));
}

/** Per module pair, the crossings before and after, for the pairs where they differ. */
export function crossingChanges(was: readonly ModuleCrossing[], now: readonly ModuleCrossing[]): Map<string, { was: ModuleCrossing[]; now: ModuleCrossing[] }> {
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
export function updatedDependencies(
  previous: readonly ModuleDependency[],
  changes: PairChanges,
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
 * The module graph and cycles after the changes, and the cycle violations when they differ from
 * the previous ones. A string says why only a full analysis can tell: a cycle is reported (before
 * or after) in a file with ignore comments, or the previous cycle violations are not what the
 * previous graph gives.
 */
export function updatedCycles(
  { after, before, map, policy }: { before: FileIndex; after: FileIndex; map: ModuleMap; policy: DependencyPolicy },
  direct: DirectImports,
  changes: PairChanges,
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
