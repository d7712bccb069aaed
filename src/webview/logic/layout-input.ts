/**
 * The overview handed to ELK's layered (Sugiyama) layout: boxes, and expanded groups as frames
 * holding their boxes (ELK lays out across frames). Pure data, so it is tested in Node. Edges are
 * drawn by the view, not routed by ELK, so the layout only needs enough edges to place boxes well:
 * on dense graphs each box keeps its heaviest few.
 */
import type { Box } from './geometry';
import { boxText } from './box-text';
import { groupSize, nodeSize } from './geometry';
import type { Overview } from './overview';

export interface ElkInputNode {
  id: string;
  width?: number;
  height?: number;
  x?: number;
  y?: number;
  layoutOptions?: Record<string, string>;
  children?: ElkInputNode[];
}

export interface ElkInput {
  id: string;
  layoutOptions: Record<string, string>;
  children: ElkInputNode[];
  edges: { id: string; sources: string[]; targets: string[] }[];
}

export type Direction = 'RIGHT' | 'DOWN';

/** Above this many boxes the layout favours speed (measured: bench/graph/render-bench.mjs). */
const LARGE = 150;
/** Above this many layout edges per box, each box keeps only its heaviest `KEEP_PER_BOX`. */
const DENSE = 3;
const KEEP_PER_BOX = 3;
/** Room above a frame's content for its label. */
export const FRAME_LABEL = 24;

export function elkInput(overview: Overview, direction: Direction = 'RIGHT', previous?: ReadonlyMap<string, Box>): ElkInput {
  const large = overview.items.length > LARGE;
  const known = previous ? overview.items.filter((i) => previous.has(i.key)).length : 0;
  // Incremental: with most boxes already placed (and no frames, whose insides ELK would place
  // again anyway), ELK keeps their relative order and layers.
  const interactive = previous !== undefined && overview.frames.length === 0 && known * 2 >= overview.items.length;
  const nodes = new Map<string, ElkInputNode>();
  for (const f of overview.frames) {
    nodes.set(f.key, { id: f.key, children: [], layoutOptions: { 'elk.padding': `[top=${FRAME_LABEL + 8},left=12,bottom=12,right=12]` } });
  }
  for (const i of overview.items) {
    const second = boxText(i).files;
    const size = i.kind === 'module' ? nodeSize(i.label, i.module!.fileCount, second) : groupSize(i.label, second);
    const node: ElkInputNode = { id: i.key, ...size };
    const old = previous?.get(i.key);
    if (interactive && old) {
      node.x = old.x;
      node.y = old.y;
    }
    nodes.set(i.key, node);
  }
  const children: ElkInputNode[] = [];
  const place = (key: string, parent: string | undefined) => (parent === undefined ? children : nodes.get(parent)!.children!).push(nodes.get(key)!);
  for (const f of overview.frames) place(f.key, f.parent);
  for (const i of overview.items) place(i.key, i.parent);
  const layoutOptions: Record<string, string> = {
    'elk.algorithm': 'layered',
    'elk.direction': direction,
    'elk.edgeRouting': 'POLYLINE',
    'elk.spacing.nodeNode': '18',
    'elk.layered.spacing.nodeNodeBetweenLayers': direction === 'RIGHT' ? '70' : '50',
    'elk.spacing.componentComponent': '40',
    // Thorough crossing minimisation and straight edges are worth their time on small graphs only.
    'elk.layered.thoroughness': large ? '2' : '7',
    'elk.layered.nodePlacement.strategy': large ? 'SIMPLE' : 'BRANDES_KOEPF',
  };
  if (overview.frames.length > 0) layoutOptions['elk.hierarchyHandling'] = 'INCLUDE_CHILDREN';
  if (interactive) {
    layoutOptions['elk.layered.layering.strategy'] = 'INTERACTIVE';
    layoutOptions['elk.layered.crossingMinimization.strategy'] = 'INTERACTIVE';
    layoutOptions['elk.layered.cycleBreaking.strategy'] = 'INTERACTIVE';
  }
  return { id: 'root', layoutOptions, children, edges: layoutEdges(overview) };
}

export function layoutEdges(overview: Overview): ElkInput['edges'] {
  const used = overview.edges.filter((e) => e.imports > 0);
  let kept = used;
  if (used.length > DENSE * overview.items.length) {
    const bySource = new Map<string, typeof used>();
    for (const e of used) (bySource.get(e.from) ?? bySource.set(e.from, []).get(e.from)!).push(e);
    kept = [...bySource.values()].flatMap((list) => list.sort((a, b) => b.imports - a.imports || (a.to < b.to ? -1 : 1)).slice(0, KEEP_PER_BOX));
  }
  return kept.map((e, i) => ({ id: `e${i}`, sources: [e.from], targets: [e.to] }));
}

/**
 * A small graph of the overview's shape for ELK to lay out before the model arrives (app.ts
 * warmUpLayout): a frame of three boxes, four boxes around it, edges across, the usual options.
 */
export function warmUpInput(): ElkInput {
  const box = (id: string): ElkInputNode => ({ id, width: 150, height: 38 });
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.edgeRouting': 'POLYLINE',
      'elk.layered.thoroughness': '7',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
    },
    children: [
      { id: 'f', children: ['f/a', 'f/b', 'f/c'].map(box), layoutOptions: { 'elk.padding': `[top=${FRAME_LABEL + 8},left=12,bottom=12,right=12]` } },
      ...['a', 'b', 'c', 'd'].map(box),
    ],
    edges: [['a', 'f/a'], ['a', 'b'], ['b', 'f/b'], ['f/a', 'c'], ['f/b', 'c'], ['f/c', 'd'], ['c', 'd'], ['d', 'f/c'], ['b', 'd']].map(([s, t], i) => ({ id: `w${i}`, sources: [s], targets: [t] })),
  };
}
