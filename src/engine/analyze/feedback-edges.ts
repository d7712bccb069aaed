/** A weighted dependency inside one strongly connected group. */
export interface WeightedEdge {
  from: string;
  to: string;
  weight: number;
}

/**
 * A small set of edges whose removal leaves `nodes` without any loop (a feedback arc set), found
 * with the Eades–Lin–Smyth ordering heuristic on import counts, then made minimal: an edge is
 * kept out only if putting it back would close a loop again. Linear passes per node, so dense
 * groups stay cheap; no elementary cycle is ever enumerated.
 */
export function feedbackEdges(nodes: readonly string[], edges: readonly WeightedEdge[]): WeightedEdge[] {
  const order = eadesOrder(nodes, edges);
  const position = new Map(order.map((n, i) => [n, i]));
  const backward = edges.filter((e) => position.get(e.from)! > position.get(e.to)!);
  // Making the set minimal costs a search per candidate; past this many the heuristic's set stands.
  if (backward.length > MAX_MINIMISED) return backward.sort(compareEdges);
  const kept = new Map<string, string[]>();
  const keep = (e: WeightedEdge): void => {
    if (!kept.has(e.from)) kept.set(e.from, []);
    kept.get(e.from)!.push(e.to);
  };
  for (const e of edges) if (position.get(e.from)! < position.get(e.to)!) keep(e);
  // Heaviest first: an edge many imports use is the one worth keeping when either would do.
  const candidates = [...backward].sort((a, b) => b.weight - a.weight || compareEdges(a, b));
  const cut: WeightedEdge[] = [];
  for (const edge of candidates) {
    if (reaches(edge.to, edge.from, kept)) cut.push(edge);
    else keep(edge);
  }
  return cut.sort(compareEdges);
}

const MAX_MINIMISED = 400;

/**
 * Orders nodes so that few (light) edges point backwards: sinks go to the end, sources to the
 * front, and otherwise the node whose outgoing weight most exceeds its incoming weight goes next.
 */
function eadesOrder(nodes: readonly string[], edges: readonly WeightedEdge[]): string[] {
  const out = new Map<string, WeightedEdge[]>(nodes.map((n) => [n, []]));
  const into = new Map<string, WeightedEdge[]>(nodes.map((n) => [n, []]));
  // Among the nodes not yet placed: edge counts and weights each way.
  const outCount = new Map<string, number>(nodes.map((n) => [n, 0]));
  const inCount = new Map<string, number>(nodes.map((n) => [n, 0]));
  const delta = new Map<string, number>(nodes.map((n) => [n, 0]));
  for (const e of edges) {
    if (e.from === e.to) continue;
    out.get(e.from)!.push(e);
    into.get(e.to)!.push(e);
    outCount.set(e.from, outCount.get(e.from)! + 1);
    inCount.set(e.to, inCount.get(e.to)! + 1);
    delta.set(e.from, delta.get(e.from)! + e.weight);
    delta.set(e.to, delta.get(e.to)! - e.weight);
  }
  const remaining = new Set([...nodes].sort());
  const place = (n: string): void => {
    remaining.delete(n);
    for (const e of out.get(n)!) {
      if (!remaining.has(e.to)) continue;
      inCount.set(e.to, inCount.get(e.to)! - 1);
      delta.set(e.to, delta.get(e.to)! + e.weight);
    }
    for (const e of into.get(n)!) {
      if (!remaining.has(e.from)) continue;
      outCount.set(e.from, outCount.get(e.from)! - 1);
      delta.set(e.from, delta.get(e.from)! - e.weight);
    }
  };
  const front: string[] = [];
  const back: string[] = [];
  while (remaining.size > 0) {
    let best: string | undefined;
    let bestDelta = -Infinity;
    let placed = false;
    for (const n of remaining) {
      if (outCount.get(n) === 0) {
        back.unshift(n);
        place(n);
        placed = true;
      } else if (inCount.get(n) === 0) {
        front.push(n);
        place(n);
        placed = true;
      } else if (delta.get(n)! > bestDelta) {
        best = n;
        bestDelta = delta.get(n)!;
      }
    }
    // Sinks and sources first; only when none is left does the weight decide.
    if (placed || best === undefined) continue;
    front.push(best);
    place(best);
  }
  return [...front, ...back];
}

/** Whether `to` can be reached from `from` over the adjacency `next`. */
function reaches(from: string, to: string, next: ReadonlyMap<string, readonly string[]>): boolean {
  if (from === to) return true;
  const seen = new Set([from]);
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    for (const n of next.get(queue[i]) ?? []) {
      if (n === to) return true;
      if (!seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
    }
  }
  return false;
}

function compareEdges(a: WeightedEdge, b: WeightedEdge): number {
  return a.from.localeCompare(b.from) || a.to.localeCompare(b.to);
}
