/**
 * The order of the dependency structure matrix: every module after what it depends on, so a
 * dependency against the layering is a cell above the diagonal and a cycle a block on it. Levels
 * are longest paths to a module that depends on nothing; the groups inside a cycle are ordered by
 * the same Eades–Lin–Smyth cut the cycle rule reports, so exactly those imports point forward.
 */
import { feedbackEdges, stronglyConnected, type WeightedEdge } from '../engine';
import { edgeId, type GraphLayering } from './graph-model';

export interface LayeringEdge {
  from: string;
  to: string;
  imports: number;
}

export function layeredOrder(modules: readonly string[], edges: readonly LayeringEdge[]): GraphLayering {
  const known = new Set(modules);
  const used: WeightedEdge[] = edges
    .filter((e) => e.imports > 0 && e.from !== e.to && known.has(e.from) && known.has(e.to))
    .map((e) => ({ from: e.from, to: e.to, weight: e.imports }));
  const next = new Map<string, string[]>([...known].map((m) => [m, []]));
  for (const e of used) next.get(e.from)!.push(e.to);
  for (const targets of next.values()) targets.sort(byName);
  const groups = stronglyConnected([...known].sort(byName), (m) => next.get(m)!).map((g) => g.sort(byName));
  // A group is named by its first module, so the condensation's nodes are strings like the modules'.
  const groupKey = new Map<string, string>();
  for (const g of groups) for (const m of g) groupKey.set(m, g[0]);
  const between = used.filter((e) => groupKey.get(e.from) !== groupKey.get(e.to)).map((e) => ({ from: groupKey.get(e.from)!, to: groupKey.get(e.to)! }));
  const groupDepth = depths(groups.map((g) => g[0]), between);
  const members = new Map(groups.map((g) => [g[0], g]));
  const layering: GraphLayering = { order: [], level: [], cycles: [], cut: [] };
  for (const key of [...members.keys()].sort((a, b) => groupDepth.get(a)! - groupDepth.get(b)! || byName(a, b))) {
    const group = members.get(key)!;
    if (group.length > 1) layering.cycles.push({ start: layering.order.length, size: group.length });
    for (const m of orderInside(group, used, layering.cut!)) {
      layering.order.push(m);
      layering.level.push(groupDepth.get(key)!);
    }
  }
  return layering;
}

/** A cycle's modules with only the dependencies to cut pointing forward; adds those to `cuts` (edge ids). */
function orderInside(group: readonly string[], used: readonly WeightedEdge[], cuts: string[]): string[] {
  if (group.length === 1) return [...group];
  const inGroup = new Set(group);
  const inner = used.filter((e) => inGroup.has(e.from) && inGroup.has(e.to));
  const cutIds = feedbackEdges(group, inner).map((e) => edgeId(e.from, e.to));
  cuts.push(...[...cutIds].sort(byName));
  const cut = new Set(cutIds);
  const depth = depths(group, inner.filter((e) => !cut.has(edgeId(e.from, e.to))));
  return [...group].sort((a, b) => depth.get(a)! - depth.get(b)! || byName(a, b));
}

/**
 * Longest path from each node to a node without successors, over an acyclic graph: sorting by it
 * puts every node after its successors, and nodes of one depth together.
 */
function depths(nodes: readonly string[], edges: readonly { from: string; to: string }[]): Map<string, number> {
  const depth = new Map(nodes.map((n) => [n, 0]));
  const users = new Map<string, string[]>(nodes.map((n) => [n, []]));
  const pending = new Map(nodes.map((n) => [n, 0]));
  for (const e of edges) {
    users.get(e.to)!.push(e.from);
    pending.set(e.from, pending.get(e.from)! + 1);
  }
  const ready = nodes.filter((n) => pending.get(n) === 0);
  for (let i = 0; i < ready.length; i++) {
    const n = ready[i];
    for (const u of users.get(n)!) {
      depth.set(u, Math.max(depth.get(u)!, depth.get(n)! + 1));
      pending.set(u, pending.get(u)! - 1);
      if (pending.get(u) === 0) ready.push(u);
    }
  }
  return depth;
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
