import { modulePairKey } from '../model';
import type { ModuleCrossing } from './module-crossings';

/** A dependency cycle between modules, with the first import site of each step. */
export interface ModuleCycle {
  /** Modules in order, starting with the alphabetically first; the last step returns to it. */
  modules: string[];
  steps: ModuleCrossing[];
}

/**
 * Finds the distinct elementary cycles that matter to a reader: for every module in a strongly
 * connected group, the shortest cycle through it (deduplicated). Direct imports only. Computed
 * once per analysis: the cycle rule and the dependency summary read the same answer.
 */
export function findModuleCycles(crossings: readonly ModuleCrossing[]): ModuleCycle[] {
  const firstSite = new Map<string, ModuleCrossing>();
  const successors = new Map<string, Set<string>>();
  for (const c of crossings) {
    if (c.reExport) continue;
    const key = modulePairKey(c.from.name, c.to.name);
    const known = firstSite.get(key);
    if (!known || compareSites(c, known) < 0) firstSite.set(key, c);
    if (!successors.has(c.from.name)) successors.set(c.from.name, new Set());
    successors.get(c.from.name)!.add(c.to.name);
  }
  const next = (m: string): string[] => [...(successors.get(m) ?? [])].sort();
  const cycles = new Map<string, ModuleCycle>();
  for (const group of stronglyConnected([...successors.keys()].sort(), next)) {
    if (group.length < 2) continue;
    const inGroup = new Set(group);
    for (const start of [...group].sort()) {
      const loop = shortestLoop(start, (m) => next(m).filter((n) => inGroup.has(n)));
      if (!loop) continue;
      const rotated = rotateToSmallest(loop);
      const key = rotated.join('\0');
      if (cycles.has(key)) continue;
      const steps = rotated.map((m, i) => firstSite.get(modulePairKey(m, rotated[(i + 1) % rotated.length]))!);
      cycles.set(key, { modules: rotated, steps });
    }
  }
  return [...cycles.values()].sort((a, b) => a.modules.join('/').localeCompare(b.modules.join('/')));
}

function compareSites(a: ModuleCrossing, b: ModuleCrossing): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.fact.range.start.line - b.fact.range.start.line || a.fact.range.start.column - b.fact.range.start.column;
}

/** Breadth-first search for the shortest path from `start` back to itself. */
function shortestLoop(start: string, next: (m: string) => string[]): string[] | undefined {
  const parent = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const m = queue[i];
    for (const n of next(m)) {
      if (n === start) {
        const path = [m];
        for (let p = m; p !== start; ) {
          p = parent.get(p)!;
          path.unshift(p);
        }
        return path;
      }
      if (!parent.has(n)) {
        parent.set(n, m);
        queue.push(n);
      }
    }
  }
  return undefined;
}

function rotateToSmallest(loop: string[]): string[] {
  let best = 0;
  loop.forEach((m, i) => {
    if (m < loop[best]) best = i;
  });
  return [...loop.slice(best), ...loop.slice(0, best)];
}

/** Tarjan's algorithm, iterative so deep graphs cannot overflow the stack. */
function stronglyConnected(nodes: string[], next: (m: string) => string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups: string[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: string; children: string[]; i: number }[] = [];
    const enter = (node: string): void => {
      index.set(node, counter);
      low.set(node, counter);
      counter++;
      stack.push(node);
      onStack.add(node);
      work.push({ node, children: next(node), i: 0 });
    };
    enter(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      if (frame.i < frame.children.length) {
        const child = frame.children[frame.i++];
        if (!index.has(child)) enter(child);
        else if (onStack.has(child)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(child)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const group: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          group.push(member);
        } while (member !== frame.node);
        groups.push(group);
      }
    }
  }
  return groups;
}
