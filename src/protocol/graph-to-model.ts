/**
 * Builds the graph view model from a check result: a pure function run where the engine is (the
 * language server for the editor, the CLI for `bulkhead graph`), never in the extension host.
 */
import { selects, type CheckResult, type ModuleSummary } from '../engine';
import { groupModules } from './graph-groups';
import { layeredOrder } from './graph-layering';
import { edgeId, type GraphEdge, type GraphModel, type GraphNode } from './graph-model';

export interface GraphModelOptions {
  /** Shown as the graph's title; default: the last folder name of the workspace root. */
  title?: string;
}

export function toGraphModel(result: CheckResult, options: GraphModelOptions = {}): GraphModel {
  const names = new Set(result.modules.map((m) => m.name));
  const edges: GraphEdge[] = result.dependencies
    .filter((d) => names.has(d.from) && names.has(d.to))
    .map((d) => ({ id: edgeId(d.from, d.to), from: d.from, to: d.to, imports: d.imports, declared: d.declared, violations: d.violations, inCycle: d.inCycle }));
  const used = new Set(edges.map((e) => e.id));
  for (const m of result.modules) {
    const targets = new Set(m.dependsOn.flatMap((s) => declaredTargets(s, result.modules)));
    for (const to of [...targets].sort()) {
      const id = edgeId(m.name, to);
      if (to === m.name || used.has(id)) continue;
      edges.push({ id, from: m.name, to, imports: 0, declared: true, violations: 0, inCycle: false });
      used.add(id);
    }
  }
  const violationsBySource = new Map<string, number>();
  for (const v of result.violations) {
    if (v.sourceModule) violationsBySource.set(v.sourceModule, (violationsBySource.get(v.sourceModule) ?? 0) + 1);
  }
  const inCycle = new Set(edges.filter((e) => e.inCycle).flatMap((e) => [e.from, e.to]));
  const { groups, groupOf } = groupModules(result.modules, edges.filter((e) => e.imports > 0));
  const nodes: GraphNode[] = result.modules.map((m) => ({
    id: m.name,
    group: groupOf.get(m.name),
    fileCount: m.fileCount,
    roots: [...m.roots],
    tags: [...m.tags],
    dependsOn: [...m.dependsOn],
    publicApi: [...m.public],
    violations: violationsBySource.get(m.name) ?? 0,
    inCycle: inCycle.has(m.name),
  }));
  return {
    title: options.title ?? lastSegment(result.root),
    groups,
    nodes,
    edges,
    summary: { modules: result.summary.modules, files: result.summary.files, errors: result.summary.errors, warnings: result.summary.warnings },
    layering: layeredOrder(nodes.map((n) => n.id), edges),
  };
}

/**
 * The modules a `dependsOn` selector names, matched by the engine's own rule. `*` (any module)
 * draws none: every pair as a faint edge would bury the picture, and "may depend on anything" is
 * not a boundary worth seeing.
 */
function declaredTargets(selector: string, modules: readonly ModuleSummary[]): string[] {
  return selector === '*' ? [] : modules.filter((m) => selects(selector, m)).map((m) => m.name);
}

function lastSegment(root: string): string {
  const parts = root.split(/[\\/]/).filter((p) => p !== '');
  return parts[parts.length - 1] ?? root;
}
