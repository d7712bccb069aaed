/**
 * A `--since` diff drawn on the graph model: the CLI's export and the editor's "Changes since…"
 * toggle both mark the model this way, so the webview draws one kind of changed graph.
 */
import { diffSummary, type GraphDiff } from '../engine';
import { edgeId, type GraphModel } from './graph-model';

/**
 * Marks the edges a diff added, and adds the removed ones (between modules still drawn) as edges
 * without imports: they take no part in the layering, the view draws them grey dashed.
 */
export function markChanges(model: GraphModel, diff: GraphDiff): void {
  const added = new Set(diff.dependencies.added.map((d) => edgeId(d.from, d.to)));
  for (const e of model.edges) if (added.has(e.id)) e.change = 'added';
  const nodes = new Set(model.nodes.map((n) => n.id));
  const byId = new Map(model.edges.map((e) => [e.id, e]));
  for (const d of diff.dependencies.removed) {
    if (!nodes.has(d.from) || !nodes.has(d.to)) continue;
    const id = edgeId(d.from, d.to);
    const kept = byId.get(id);
    if (kept) kept.change = 'removed';
    else model.edges.push({ id, from: d.from, to: d.to, imports: 0, declared: d.declared, violations: 0, inCycle: false, change: 'removed' });
  }
  model.since = { ref: diff.since.ref, commit: diff.since.commit, summary: diffSummary(diff) };
}
