/**
 * What the graph draws: the modules a filter keeps, with collapsed groups standing in for their
 * members and edges summed between what is drawn. Pure, so it is unit-tested in Node.
 */
import type { GraphEdge, GraphNode } from '../../protocol/graph-model';
import type { GroupTree } from './group-tree';

/** Past this many boxes a fitted drawing's labels get too small to read (measured: ≥ 11 px at 100 modules). */
export const MAX_VISIBLE = 30;

/** A drawn box: a module, or a collapsed group. */
export interface OverviewItem {
  /** Module name, or GROUP_KEY + group id: both kinds share one namespace in the drawing. */
  key: string;
  kind: 'module' | 'group';
  /** The module name or group id. */
  id: string;
  label: string;
  /** The expanded group it is drawn inside. */
  parent?: string;
  module?: GraphNode;
  group?: GroupSummary;
}

export interface GroupSummary {
  modules: number;
  files: number;
  violations: number;
  inCycle: boolean;
}

/** An expanded group: a frame around what is drawn inside it. */
export interface OverviewFrame {
  key: string;
  id: string;
  label: string;
  parent?: string;
}

/** An edge between two drawn boxes; `members` are the module edges it sums (one when both ends are modules). */
export interface OverviewEdge {
  key: string;
  from: string;
  to: string;
  imports: number;
  violations: number;
  inCycle: boolean;
  declared: boolean;
  members: GraphEdge[];
}

export interface Overview {
  items: OverviewItem[];
  frames: OverviewFrame[];
  edges: OverviewEdge[];
}

/** Module names cannot contain NUL (see edgeId), so a group key never equals a module's. */
export const GROUP_KEY = '\u0000';
export const groupKey = (id: string): string => GROUP_KEY + id;
const edgeKey = (from: string, to: string): string => `${from}\u0000${to}`;

/**
 * The groups open at first: none need to when everything fits. Otherwise the ones that add the
 * fewest boxes open first, as long as the total stays within `max`: small groups show their
 * members, large ones stay one box to click open.
 */
export function defaultExpanded(tree: GroupTree, max = MAX_VISIBLE): Set<string> {
  const expanded = new Set<string>();
  let count = tree.top.groups.length + tree.top.modules.length;
  const cost = (id: string) => {
    const g = tree.groups.get(id)!;
    return g.groups.length + g.modules.length - 1;
  };
  const candidates = [...tree.top.groups];
  while (candidates.length > 0) {
    // Stable: among equal costs the earlier group (in layer order) opens first.
    let best = 0;
    for (let i = 1; i < candidates.length; i++) if (cost(candidates[i]) < cost(candidates[best])) best = i;
    const id = candidates[best];
    if (count + cost(id) > max) break;
    count += cost(id);
    expanded.add(id);
    candidates.splice(best, 1);
    candidates.push(...tree.groups.get(id)!.groups);
  }
  return expanded;
}

/**
 * Collapses `nodes` (the modules a filter keeps) to what `expanded` opens. `edges` are the
 * filter's edges; edges inside one collapsed group are not drawn (its box counts them).
 */
export function collapse(tree: GroupTree, expanded: ReadonlySet<string>, nodes: readonly GraphNode[], edges: readonly GraphEdge[]): Overview {
  const items: OverviewItem[] = [];
  const frames: OverviewFrame[] = [];
  const drawnAs = new Map<string, string>();
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const visit = (groups: string[], modules: string[], parent: string | undefined) => {
    for (const m of modules) {
      const module = byId.get(m);
      if (!module) continue;
      items.push({ key: m, kind: 'module', id: m, label: m, parent, module });
      drawnAs.set(m, m);
    }
    for (const id of groups) {
      const g = tree.groups.get(id)!;
      const key = groupKey(id);
      if (expanded.has(id)) {
        frames.push({ key, id, label: g.label, parent });
        visit(g.groups, g.modules, key);
        continue;
      }
      const members = collect(tree, id).map((m) => byId.get(m)!).filter(Boolean);
      for (const m of members) drawnAs.set(m.id, key);
      items.push({ key, kind: 'group', id, label: g.label, parent, group: summarise(members, edges, new Set(members.map((m) => m.id))) });
    }
  };
  visit(tree.top.groups, tree.top.modules, undefined);
  return { items, frames: frames.filter((f) => hasContent(f.key, items, frames)), edges: aggregate(edges, drawnAs) };
}

function collect(tree: GroupTree, id: string): string[] {
  const g = tree.groups.get(id)!;
  return [...g.modules, ...g.groups.flatMap((c) => collect(tree, c))];
}

function summarise(members: GraphNode[], edges: readonly GraphEdge[], inside: Set<string>): GroupSummary {
  return {
    modules: members.length,
    files: members.reduce((n, m) => n + m.fileCount, 0),
    violations: members.reduce((n, m) => n + m.violations, 0),
    inCycle: members.some((m) => m.inCycle) || edges.some((e) => e.inCycle && inside.has(e.from) && inside.has(e.to)),
  };
}

function hasContent(key: string, items: OverviewItem[], frames: OverviewFrame[]): boolean {
  return items.some((i) => i.parent === key) || frames.some((f) => f.parent === key && hasContent(f.key, items, frames));
}

/** Sums module edges between the boxes their ends are drawn in. */
export function aggregate(edges: readonly GraphEdge[], drawnAs: ReadonlyMap<string, string>): OverviewEdge[] {
  const out = new Map<string, OverviewEdge>();
  for (const e of edges) {
    const from = drawnAs.get(e.from);
    const to = drawnAs.get(e.to);
    if (from === undefined || to === undefined || from === to) continue;
    const key = edgeKey(from, to);
    const sum = out.get(key);
    if (!sum) {
      out.set(key, { key, from, to, imports: e.imports, violations: e.violations, inCycle: e.inCycle, declared: e.declared, members: [e] });
      continue;
    }
    sum.imports += e.imports;
    sum.violations += e.violations;
    sum.inCycle ||= e.inCycle;
    // Undeclared when any import inside it is: the dashed line must not hide one.
    sum.declared &&= e.declared || e.imports === 0;
    sum.members.push(e);
  }
  return [...out.values()];
}

/**
 * What decides positions: the boxes and frames drawn. When only counts or violations change the
 * picture keeps its positions.
 */
export function overviewKey(overview: Overview): string {
  const parts = [...overview.items.map((i) => `${i.key}\u0001${i.parent ?? ''}`), ...overview.frames.map((f) => `${f.key}\u0002${f.parent ?? ''}`)];
  return parts.sort().join('\u0003');
}
