/**
 * What the filters leave visible. Pure (no DOM), so it is unit-tested in Node; the view only
 * toggles classes on the elements it already has, which is why filtering never re-lays out.
 */
import type { GraphModel } from '../../protocol/graph-model';

export interface ViewFilter {
  /** Only edges with violations (and the modules they connect). */
  onlyViolations: boolean;
  /** Only this module and its neighbourhood of `hops` steps (both directions). */
  focus?: string;
  hops: number;
  /** Module names or globs (`*`) to leave out. */
  hidden: string[];
  /** Case-insensitive substring; matching modules are marked, not filtered. */
  search: string;
  /** With a --since diff: only the dependencies it added or removed (and the modules they connect). */
  onlyChanges?: boolean;
}

export const NO_FILTER: ViewFilter = { onlyViolations: false, hops: 1, hidden: [], search: '' };

export interface Visible {
  nodes: Set<string>;
  edges: Set<string>;
  /** Modules whose name matches the search (empty when there is no search). */
  matches: Set<string>;
}

export function visibleGraph(model: GraphModel, filter: ViewFilter): Visible {
  const hidden = hiddenMatcher(filter.hidden);
  let nodes = new Set(model.nodes.map((n) => n.id).filter((id) => !hidden(id)));
  let edges = model.edges.filter((e) => nodes.has(e.from) && nodes.has(e.to));
  if (filter.focus !== undefined && nodes.has(filter.focus)) {
    const near = neighbourhood(filter.focus, Math.max(0, filter.hops), edges);
    nodes = new Set([...nodes].filter((id) => near.has(id)));
    edges = edges.filter((e) => nodes.has(e.from) && nodes.has(e.to));
  }
  if (filter.onlyViolations) {
    edges = edges.filter((e) => e.violations > 0);
    const ends = new Set(edges.flatMap((e) => [e.from, e.to]));
    if (filter.focus !== undefined && nodes.has(filter.focus)) ends.add(filter.focus);
    nodes = new Set([...nodes].filter((id) => ends.has(id)));
  }
  if (filter.onlyChanges) {
    edges = edges.filter((e) => e.change !== undefined);
    const ends = new Set(edges.flatMap((e) => [e.from, e.to]));
    nodes = new Set([...nodes].filter((id) => ends.has(id)));
  }
  const term = filter.search.trim().toLowerCase();
  const matches = new Set(term === '' ? [] : [...nodes].filter((id) => id.toLowerCase().includes(term)));
  return { nodes, edges: new Set(edges.map((e) => e.id)), matches };
}

/** Modules within `hops` edges of `start`, following edges either way. */
export function neighbourhood(start: string, hops: number, edges: readonly { from: string; to: string }[]): Set<string> {
  const adjacent = new Map<string, string[]>();
  const link = (a: string, b: string) => (adjacent.get(a) ?? adjacent.set(a, []).get(a)!).push(b);
  for (const e of edges) {
    link(e.from, e.to);
    link(e.to, e.from);
  }
  const seen = new Set([start]);
  let frontier = [start];
  for (let i = 0; i < hops && frontier.length > 0; i++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const n of adjacent.get(id) ?? []) {
        if (!seen.has(n)) {
          seen.add(n);
          next.push(n);
        }
      }
    }
    frontier = next;
  }
  return seen;
}

/** `billing`, `platform/*` (one segment), `editor/**` (any depth). */
export function hiddenMatcher(patterns: readonly string[]): (name: string) => boolean {
  const res = patterns
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => new RegExp(`^${p.replace(/[.+^${}()|[\]\\?]/g, '\\$&').replace(/\*\*/g, '\u0000').replace(/\*/g, '[^/]*').replace(/\u0000/g, '.*')}$`));
  return (name) => res.some((re) => re.test(name));
}

/** Parses the "hide" box: names separated by commas or whitespace. */
export function parseHidden(text: string): string[] {
  return text.split(/[\s,]+/).filter((s) => s !== '');
}
