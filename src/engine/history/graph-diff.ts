/**
 * What changed in the module graph between two check results of one workspace (the one at a git
 * ref and today's): modules, module dependencies and violations added and removed. Pure.
 */
import { modulePairKey, type CheckResult, type ModuleDependency, type Violation } from '../model';

export interface GraphDiff {
  since: { ref: string; commit: string };
  modules: { added: string[]; removed: string[] };
  /** Dependencies with imports; `removed` ones carry their counts at the ref. */
  dependencies: { added: ModuleDependency[]; removed: ModuleDependency[] };
  /** By fingerprint, which survives line moves: a violation that only moved is neither. */
  violations: { added: Violation[]; removed: Violation[] };
}

export function diffResults(before: CheckResult, after: CheckResult, since: GraphDiff['since']): GraphDiff {
  const names = (r: CheckResult) => new Set(r.modules.map((m) => m.name));
  const [oldNames, newNames] = [names(before), names(after)];
  const used = (r: CheckResult) => new Map(r.dependencies.filter((d) => d.imports > 0).map((d) => [modulePairKey(d.from, d.to), d]));
  const [oldDeps, newDeps] = [used(before), used(after)];
  const prints = (r: CheckResult) => new Set(r.violations.map((v) => v.fingerprint));
  const [oldPrints, newPrints] = [prints(before), prints(after)];
  return {
    since,
    modules: { added: [...newNames].filter((m) => !oldNames.has(m)).sort(), removed: [...oldNames].filter((m) => !newNames.has(m)).sort() },
    dependencies: {
      added: [...newDeps].filter(([k]) => !oldDeps.has(k)).map(([, d]) => d).sort(byPair),
      removed: [...oldDeps].filter(([k]) => !newDeps.has(k)).map(([, d]) => d).sort(byPair),
    },
    violations: { added: after.violations.filter((v) => !oldPrints.has(v.fingerprint)), removed: before.violations.filter((v) => !newPrints.has(v.fingerprint)) },
  };
}

/** Modules a diff touches: ends of changed dependencies, modules of changed violations, added and removed ones. */
export function touchedModules(diff: GraphDiff): Set<string> {
  const touched = new Set([...diff.modules.added, ...diff.modules.removed]);
  for (const d of [...diff.dependencies.added, ...diff.dependencies.removed]) touched.add(d.from).add(d.to);
  for (const v of [...diff.violations.added, ...diff.violations.removed]) {
    if (v.sourceModule) touched.add(v.sourceModule);
    if (v.targetModule) touched.add(v.targetModule);
  }
  return touched;
}

/** One line for a status or summary: "+2 −1 dependencies, +1 −0 violations since main". */
export function diffSummary(diff: GraphDiff): string {
  const { dependencies: d, violations: v } = diff;
  return `+${d.added.length} −${d.removed.length} dependencies, +${v.added.length} −${v.removed.length} violations since ${diff.since.ref}`;
}

const byPair = (a: ModuleDependency, b: ModuleDependency): number => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0);
