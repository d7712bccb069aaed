/**
 * The graph handed to ELK's layered (Sugiyama) layout, left to right. Pure data, so it is tested
 * in Node. Edges are drawn by the view, not routed by ELK, so the layout only needs enough edges
 * to place modules well: on dense graphs each module keeps its heaviest few.
 */
import type { GraphModel } from '../../protocol/graph-model';
import type { Box } from './geometry';
import { nodeSize } from './geometry';

export interface ElkInputNode {
  id: string;
  width: number;
  height: number;
  x?: number;
  y?: number;
  layoutOptions?: Record<string, string>;
}

export interface ElkInput {
  id: string;
  layoutOptions: Record<string, string>;
  children: ElkInputNode[];
  edges: { id: string; sources: string[]; targets: string[] }[];
}

/** Above this many modules the layout favours speed (measured: bench/graph/render-bench.mjs). */
const LARGE = 150;
/** ELK's partitioning (one band per group) costs ~10× on large graphs: 10 s instead of 1 s at 500 modules. */
const MAX_PARTITIONED = 200;

/**
 * Groups become left-to-right bands (and are drawn as boxes) on graphs of up to 200 modules; on
 * larger ones they would overlap, so they are only named in the details.
 */
export function usesPartitions(model: GraphModel): boolean {
  return model.groups.length > 1 && model.nodes.length <= MAX_PARTITIONED;
}

/** Above this many layout edges per module, each module keeps only its heaviest `KEEP_PER_MODULE`. */
const DENSE = 3;
const KEEP_PER_MODULE = 3;

/**
 * What decides positions: the modules and their groups. When only counts, violations or edges
 * change, positions are kept as they are (the picture must not jump after an edit).
 */
export function layoutKey(model: GraphModel): string {
  return model.nodes.map((n) => `${n.id}\u0001${n.group ?? ''}`).sort().join('\u0000');
}

export function elkInput(model: GraphModel, previous?: ReadonlyMap<string, Box>): ElkInput {
  const large = model.nodes.length > LARGE;
  const partitioned = usesPartitions(model);
  const order = new Map(model.groups.map((g) => [g.id, g.order]));
  const known = previous ? model.nodes.filter((n) => previous.has(n.id)).length : 0;
  // Incremental: with most modules already placed, ELK keeps their relative order and layers.
  const interactive = previous !== undefined && known * 2 >= model.nodes.length;
  const children = model.nodes.map((n) => {
    const node: ElkInputNode = { id: n.id, ...nodeSize(n.id, n.fileCount) };
    const group = partitioned && n.group !== undefined ? order.get(n.group) : undefined;
    if (group !== undefined) node.layoutOptions = { 'elk.partitioning.partition': String(group) };
    const old = previous?.get(n.id);
    if (interactive && old) {
      node.x = old.x;
      node.y = old.y;
    }
    return node;
  });
  const layoutOptions: Record<string, string> = {
    'elk.algorithm': 'layered',
    'elk.direction': 'RIGHT',
    'elk.edgeRouting': 'POLYLINE',
    'elk.spacing.nodeNode': '18',
    'elk.layered.spacing.nodeNodeBetweenLayers': '70',
    'elk.spacing.componentComponent': '40',
    // Thorough crossing minimisation and straight edges are worth their time on small graphs only.
    'elk.layered.thoroughness': large ? '2' : '7',
    'elk.layered.nodePlacement.strategy': large ? 'SIMPLE' : 'BRANDES_KOEPF',
  };
  if (usesPartitions(model)) layoutOptions['elk.partitioning.activate'] = 'true';
  if (interactive) {
    layoutOptions['elk.layered.layering.strategy'] = 'INTERACTIVE';
    layoutOptions['elk.layered.crossingMinimization.strategy'] = 'INTERACTIVE';
    layoutOptions['elk.layered.cycleBreaking.strategy'] = 'INTERACTIVE';
  }
  return { id: 'root', layoutOptions, children, edges: layoutEdges(model) };
}

export function layoutEdges(model: GraphModel): ElkInput['edges'] {
  const used = model.edges.filter((e) => e.imports > 0 && e.from !== e.to);
  let kept = used;
  if (used.length > DENSE * model.nodes.length) {
    const bySource = new Map<string, typeof used>();
    for (const e of used) (bySource.get(e.from) ?? bySource.set(e.from, []).get(e.from)!).push(e);
    kept = [...bySource.values()].flatMap((list) => list.sort((a, b) => b.imports - a.imports || (a.to < b.to ? -1 : 1)).slice(0, KEEP_PER_MODULE));
  }
  return kept.map((e, i) => ({ id: `e${i}`, sources: [e.from], targets: [e.to] }));
}
