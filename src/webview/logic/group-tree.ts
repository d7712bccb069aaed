/**
 * The hierarchy the overview collapses: the model's groups (layer, tag, folder) on top, then the
 * module names' prefixes (`platform/files/common` sits in `platform` → `platform/files`). Pure, so
 * it is unit-tested in Node.
 */
import type { GraphModel, GraphNode } from '../../protocol/graph-model';

export interface TreeGroup {
  /** Unique: the segments from the top joined by `/` (`platform/files`). */
  id: string;
  /** What the drawing shows: the segments below the parent's (`files`, or `platform/files` after a merge). */
  label: string;
  parent?: string;
  groups: string[];
  modules: string[];
  /** Modules at any depth below. */
  size: number;
}

export interface GroupTree {
  groups: Map<string, TreeGroup>;
  /** What sits at the top: groups and ungrouped modules. */
  top: { groups: string[]; modules: string[] };
  /** The innermost group of each grouped module. */
  groupOf: Map<string, string>;
}

interface Draft {
  segments: string[];
  /** A group of the model (tag, layer, folder): kept even around one module, as the map names it. */
  named?: boolean;
  groups: Map<string, Draft>;
  modules: string[];
}

/** Builds the tree of the modules given (a filter's subset keeps only what it shows). */
export function buildGroupTree(model: Pick<GraphModel, 'groups'>, nodes: readonly GraphNode[]): GroupTree {
  const root: Draft = { segments: [], groups: new Map(), modules: [] };
  const prefixKind = model.groups.some((g) => g.kind === 'prefix');
  for (const n of nodes) {
    // Under a folder or tag group an npm scope (`@acme/` of `@acme/cart`) is no level of its own.
    const prefix = n.id.split('/').slice(0, -1).filter((segment, i) => prefixKind || i > 0 || !segment.startsWith('@'));
    // A `prefix` group is the first name segment already; other kinds sit above the prefixes.
    const named = n.group !== undefined && !prefixKind;
    const path = named && prefix[0] !== n.group ? [n.group!, ...prefix] : prefix;
    let at = root;
    for (const [i, segment] of path.entries()) {
      let next = at.groups.get(segment);
      if (!next) at.groups.set(segment, (next = { segments: [...at.segments, segment], groups: new Map(), modules: [], named: named && i === 0 }));
      at = next;
    }
    at.modules.push(n.id);
  }
  const order = new Map(model.groups.map((g) => [g.id, g.order]));
  const tree: GroupTree = { groups: new Map(), top: { groups: [], modules: [] }, groupOf: new Map() };
  tree.top = emit(root, undefined, tree, order);
  return tree;
}

/**
 * Adds `draft`'s children to the tree. A group holding a single module is that module, and a
 * group holding only one group is merged with it: neither would be worth a click.
 */
function emit(draft: Draft, parent: TreeGroup | undefined, tree: GroupTree, order: Map<string, number>): { groups: string[]; modules: string[] } {
  const groups: string[] = [];
  const modules = [...draft.modules];
  const children = [...draft.groups.values()].sort((a, b) => rank(a, order) - rank(b, order) || compare(a.segments.join('/'), b.segments.join('/')));
  for (let child of children) {
    let label = child.segments[child.segments.length - 1];
    while (child.modules.length === 0 && child.groups.size === 1 && !child.named) {
      child = [...child.groups.values()][0];
      label = `${label}/${child.segments[child.segments.length - 1]}`;
    }
    if (child.modules.length === 1 && child.groups.size === 0 && !child.named) {
      modules.push(child.modules[0]);
      if (parent) tree.groupOf.set(child.modules[0], parent.id);
      continue;
    }
    const group: TreeGroup = { id: child.segments.join('/'), label, parent: parent?.id, groups: [], modules: [], size: 0 };
    tree.groups.set(group.id, group);
    const inner = emit(child, group, tree, order);
    group.groups = inner.groups;
    group.modules = inner.modules;
    for (const m of inner.modules) tree.groupOf.set(m, group.id);
    group.size = inner.modules.length + inner.groups.reduce((n, g) => n + tree.groups.get(g)!.size, 0);
    groups.push(group.id);
  }
  return { groups, modules: modules.sort(compare) };
}

/** Top-level model groups keep their order (users before what they use); the rest by name. */
const rank = (d: Draft, order: Map<string, number>): number => (d.segments.length === 1 ? order.get(d.segments[0]) ?? Infinity : 0);
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The groups enclosing `module`, outermost first. */
export function ancestors(tree: GroupTree, module: string): string[] {
  const chain: string[] = [];
  for (let g = tree.groupOf.get(module); g !== undefined; g = tree.groups.get(g)?.parent) chain.unshift(g);
  return chain;
}

/** All modules below `group`. */
export function membersOf(tree: GroupTree, group: string): string[] {
  const g = tree.groups.get(group);
  return g ? [...g.modules, ...g.groups.flatMap((c) => membersOf(tree, c))] : [];
}
