/**
 * Clusters for the graph: the map's layers when it has them. Tried in order, the first that splits
 * the modules into at least two groups (and fewer groups than modules) wins:
 * a `layer:<name>` tag, the name prefix before `/` (`platform/files`), the first tag, the parent
 * folder of the module's first root. A key that puts more than half of a large map into one group
 * (every package of a monorepo under its npm scope, `@medusajs/…`) is passed over for the next
 * one that splits better, and used only when none does.
 */
import type { GraphGroup, GroupKind } from './graph-model';

export interface GroupableModule {
  name: string;
  roots: readonly string[];
  tags: readonly string[];
}

const KEYS: [GroupKind, (m: GroupableModule) => string | undefined][] = [
  ['layer', (m) => m.tags.find((t) => t.startsWith('layer:'))?.slice('layer:'.length)],
  ['prefix', (m) => (m.name.includes('/') ? m.name.slice(0, m.name.indexOf('/')) : undefined)],
  ['tag', (m) => m.tags[0]],
  ['folder', (m) => (m.roots[0]?.includes('/') ? m.roots[0].slice(0, m.roots[0].lastIndexOf('/')) : undefined)],
];

export interface Grouping {
  groups: GraphGroup[];
  groupOf: Map<string, string>;
}

/** Groups modules and orders the groups so that dependencies sit to the right of their users. */
export function groupModules(modules: readonly GroupableModule[], edges: readonly { from: string; to: string }[]): Grouping {
  let lopsided: Grouping | undefined;
  for (const [kind, key] of KEYS) {
    const groupOf = new Map<string, string>();
    for (const m of modules) {
      const k = key(m);
      if (k !== undefined && k !== '') groupOf.set(m.name, k);
    }
    const names = new Set(groupOf.values());
    // Most modules must have the key, or the picture is mostly ungrouped boxes.
    if (names.size < 2 || names.size >= modules.length || groupOf.size * 2 < modules.length) continue;
    const order = orderGroups([...names].sort(), edges, groupOf);
    const grouping = { groups: order.map((id, i) => ({ id, label: id, kind, order: i })), groupOf };
    if (!isLopsided(groupOf, modules.length)) return grouping;
    lopsided ??= grouping;
  }
  return lopsided ?? { groups: [], groupOf: new Map() };
}

/** Past the overview's 30 boxes, one group holding most modules leaves the overview one big box. */
function isLopsided(groupOf: Map<string, string>, modules: number): boolean {
  const sizes = new Map<string, number>();
  for (const g of groupOf.values()) sizes.set(g, (sizes.get(g) ?? 0) + 1);
  const largest = Math.max(...sizes.values());
  return largest > 30 && largest * 2 > modules;
}

/**
 * Kahn's algorithm on the group graph (users before their dependencies); on a cycle the group with
 * the fewest remaining users goes next, ties by name, so the order is deterministic.
 */
function orderGroups(names: string[], edges: readonly { from: string; to: string }[], groupOf: Map<string, string>): string[] {
  const users = new Map(names.map((n) => [n, new Set<string>()]));
  for (const e of edges) {
    const a = groupOf.get(e.from);
    const b = groupOf.get(e.to);
    if (a !== undefined && b !== undefined && a !== b) users.get(b)!.add(a);
  }
  const placed: string[] = [];
  const remaining = new Set(names);
  while (remaining.size > 0) {
    let best: string | undefined;
    let bestCount = Infinity;
    for (const n of remaining) {
      const count = [...users.get(n)!].filter((u) => remaining.has(u)).length;
      if (count < bestCount) {
        best = n;
        bestCount = count;
      }
    }
    placed.push(best!);
    remaining.delete(best!);
  }
  return placed;
}
