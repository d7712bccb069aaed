import { modulePairKey } from '../model';
import { DirectImports } from './direct-imports';
import { feedbackEdges } from './feedback-edges';
import type { ModuleCrossing } from './module-crossings';
import { stronglyConnected } from './strongly-connected';

/**
 * A dependency cycle between modules. `pair`: two modules that import each other. `group`: a
 * strongly connected group with a loop through three or more modules, reported once, with one
 * loop to show and the dependencies whose removal breaks every loop of the group.
 */
export interface ModuleCycle {
  kind: 'pair' | 'group';
  /** pair: the two modules, alphabetically; group: every module of the group, sorted. */
  modules: string[];
  /** The loop shown, as modules in order (the last step returns to the first). */
  loop: string[];
  /** The first import site of each step of `loop`. */
  steps: ModuleCrossing[];
  /** group: the dependencies to cut, each with its first import site and its import count. */
  cut: { site: ModuleCrossing; imports: number }[];
}

/** The cycles of one analysis, and the module graph they were computed from (which a patch updates). */
export interface ModuleCycles {
  cycles: ModuleCycle[];
  /** Module name → group number, for modules in a group of two or more. */
  groupOf: ReadonlyMap<string, number>;
  direct: DirectImports;
}

/**
 * Every two-way module pair, and every strongly connected group that has a longer loop, never
 * enumerating elementary cycles (dense graphs stay cheap). Direct imports only. Computed once per
 * analysis: the cycle rule and the dependency summary read the same answer.
 */
export function findModuleCycles(crossings: readonly ModuleCrossing[]): ModuleCycles {
  return cyclesOf(DirectImports.of(crossings));
}

/** Answers per graph: a patch asks for the cycles of the graph it starts from, which the previous analysis computed. */
const known = new WeakMap<DirectImports, ModuleCycles>();

/** The cycles of a module graph (see findModuleCycles). */
export function cyclesOf(direct: DirectImports): ModuleCycles {
  let answer = known.get(direct);
  if (!answer) known.set(direct, (answer = computeCycles(direct)));
  return answer;
}

function computeCycles(direct: DirectImports): ModuleCycles {
  const successors = new Map<string, Set<string>>();
  for (const { from, to } of direct.pairs.values()) {
    if (!successors.has(from)) successors.set(from, new Set());
    successors.get(from)!.add(to);
  }
  const next = (m: string): string[] => [...(successors.get(m) ?? [])].sort();
  const has = (from: string, to: string): boolean => successors.get(from)?.has(to) ?? false;
  const site = (from: string, to: string): ModuleCrossing => direct.pairs.get(modulePairKey(from, to))!.first;
  const importsOf = (from: string, to: string): number => direct.pairs.get(modulePairKey(from, to))!.imports;

  const cycles: ModuleCycle[] = [];
  const groupOf = new Map<string, number>();
  const groups = stronglyConnected([...successors.keys()].sort(), next).filter((g) => g.length >= 2).map((g) => [...g].sort());
  groups.sort((a, b) => a[0].localeCompare(b[0]));
  groups.forEach((group, number) => {
    const inGroup = new Set(group);
    for (const m of group) groupOf.set(m, number);
    const edges = group.flatMap((from) => next(from).filter((to) => inGroup.has(to)).map((to) => ({ from, to, weight: importsOf(from, to) })));
    let pairs = 0;
    for (const { from, to } of edges) {
      if (from < to && has(to, from)) {
        pairs++;
        cycles.push({ kind: 'pair', modules: [from, to], loop: [from, to], steps: [site(from, to), site(to, from)], cut: [] });
      }
    }
    // Only two-way pairs forming a tree: every loop of the group is one of those pairs.
    const onlyPairs = edges.every((e) => has(e.to, e.from)) && pairs === group.length - 1;
    if (onlyPairs) return;
    const cut = feedbackEdges(group, edges);
    // The loop shown goes through a dependency to cut, and is not one of the pairs already reported.
    let loop = [cut[0].from, cut[0].to];
    for (const e of [...cut.filter((c) => !has(c.to, c.from)), ...cut.filter((c) => has(c.to, c.from))]) {
      const back = shortestPath(e.to, e.from, (m) => next(m).filter((n) => inGroup.has(n) && !(m === e.to && n === e.from)));
      if (back && back.length >= 3) {
        loop = [e.from, ...back.slice(0, -1)];
        break;
      }
    }
    cycles.push({
      kind: 'group',
      modules: group,
      loop,
      steps: loop.map((m, i) => site(m, loop[(i + 1) % loop.length])),
      cut: cut.map((e) => ({ site: site(e.from, e.to), imports: e.weight })),
    });
  });
  cycles.sort((a, b) => a.modules.join('/').localeCompare(b.modules.join('/')) || a.kind.localeCompare(b.kind));
  return { cycles, groupOf, direct };
}

/**
 * Breadth-first shortest path from `start` to `goal`, both included. Leaving out the direct step
 * back (see the caller) shows a loop of three or more modules where one exists.
 */
function shortestPath(start: string, goal: string, next: (m: string) => string[]): string[] | undefined {
  const parent = new Map<string, string>([[start, start]]);
  const queue = [start];
  for (let i = 0; i < queue.length && !parent.has(goal); i++) {
    for (const n of next(queue[i])) {
      if (!parent.has(n)) {
        parent.set(n, queue[i]);
        queue.push(n);
      }
    }
  }
  if (!parent.has(goal)) return undefined;
  const path = [goal];
  for (let p = goal; p !== start; ) {
    p = parent.get(p)!;
    path.unshift(p);
  }
  return path;
}
