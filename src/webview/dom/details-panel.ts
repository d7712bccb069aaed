/** The side panel: what a clicked module or edge is made of. Every name is a text node. */
import type { EdgeSites, GraphEdge, GraphImportSite, GraphModel, GraphNode } from '../../protocol/graph-model';
import type { OverviewEdge } from '../logic/overview';
import { html } from './svg';

export interface DetailsActions {
  selectNode(id: string): void;
  selectEdge(id: string): void;
  openSite(site: GraphImportSite): void;
}

export class DetailsPanel {
  constructor(private readonly root: HTMLElement, private readonly actions: DetailsActions, private readonly canOpenFiles: boolean) {
    this.clear();
  }

  clear(): void {
    this.root.replaceChildren();
    html('p', { className: 'hint', text: 'Click a module or an edge (or Tab to a module and press Enter) for details.' }, this.root);
  }

  showModule(node: GraphNode, model: GraphModel): void {
    this.root.replaceChildren();
    html('h2', { text: node.id }, this.root);
    const facts = html('dl', {}, this.root);
    fact(facts, 'Files', String(node.fileCount));
    fact(facts, 'Roots', node.roots.join(', ') || '—');
    if (node.group !== undefined) fact(facts, 'Group', node.group);
    if (node.tags.length > 0) fact(facts, 'Tags', node.tags.join(', '));
    publicApi(facts, node.publicApi);
    fact(facts, 'Declared dependsOn', node.dependsOn.join(', ') || 'nothing');
    if (node.violations > 0) fact(facts, 'Violations', String(node.violations));
    this.edgeList('Depends on', model.edges.filter((e) => e.from === node.id), (e) => e.to);
    this.edgeList('Used by', model.edges.filter((e) => e.to === node.id), (e) => e.from);
  }

  /** `cut`: the cycle rule's minimal cut removes this dependency (the layers view dashes it). */
  showEdge(edge: GraphEdge, sites: Promise<EdgeSites>, cut = false): void {
    this.root.replaceChildren();
    html('h2', { text: `${edge.from} → ${edge.to}` }, this.root);
    const facts = html('dl', {}, this.root);
    fact(facts, 'Imports', String(edge.imports));
    fact(facts, 'Declared', edge.declared ? 'yes' : 'no — the map does not allow it');
    if (edge.violations > 0) fact(facts, 'Violating imports', String(edge.violations));
    if (edge.inCycle) fact(facts, 'Cycle', 'this dependency is a step of a module cycle');
    if (cut) fact(facts, 'Cut', 'suggested: removing this dependency (with the other cut ones) breaks the cycle');
    for (const [label, id] of [[edge.from, edge.from], [edge.to, edge.to]]) {
      html('button', { className: 'link', text: `Show module ${label}` }, this.root).addEventListener('click', () => this.actions.selectNode(id));
    }
    if (edge.imports === 0) {
      html('p', { className: 'hint', text: 'Declared in the map but not used by any import.' }, this.root);
      return;
    }
    const status = html('p', { className: 'hint', text: 'Loading import sites…' }, this.root);
    const list = html('ul', { className: 'sites' }, this.root);
    void sites.then((s) => {
      if (s.omitted) {
        status.textContent = `${s.total} import sites, not embedded in this export (it keeps those of the most violating and heaviest edges); "bulkhead check" lists the violations.`;
        return;
      }
      status.textContent = s.total > s.sites.length ? `Import sites (first ${s.sites.length} of ${s.total}):` : `Import sites (${s.total}):`;
      for (const site of s.sites) this.siteRow(list, site);
    });
  }

  /** A group just opened or closed: what it holds, each module one click from its details. */
  /** `hint` replaces the graph's "click its label" (the layers view closes a unit by its ▾ box). */
  showGroup(id: string, open: boolean, members: GraphNode[], hint?: string): void {
    this.root.replaceChildren();
    html('h2', { text: id }, this.root);
    const facts = html('dl', {}, this.root);
    fact(facts, 'Modules', String(members.length));
    fact(facts, 'Files', String(members.reduce((n, m) => n + m.fileCount, 0)));
    const violations = members.reduce((n, m) => n + m.violations, 0);
    if (violations > 0) fact(facts, 'Violations', String(violations));
    html('p', { className: 'hint', text: hint ?? (open ? 'Open: click its label (or Enter on it) to close it.' : 'Closed: click its box (or Enter on it) to open it.') }, this.root);
    html('h3', { text: 'Modules' }, this.root);
    const ul = html('ul', { className: 'deps' }, this.root);
    for (const m of [...members].sort((a, b) => b.violations - a.violations || (a.id < b.id ? -1 : 1))) {
      const b = html('button', { className: `link${m.violations ? ' violation' : ''}` }, html('li', {}, ul));
      html('span', { text: m.id }, b);
      html('span', { className: 'detail', text: ` — ${m.fileCount} file${m.fileCount === 1 ? '' : 's'}${m.violations ? `, ${m.violations} violating` : ''}` }, b);
      b.addEventListener('click', () => this.actions.selectNode(m.id));
    }
  }

  /** An edge between collapsed groups: the module dependencies it sums, each one click from its sites. */
  showSummedEdge(edge: OverviewEdge & { cuts?: number }): void {
    this.root.replaceChildren();
    const name = (key: string) => (key.startsWith('\u0000') ? key.slice(1) : key);
    html('h2', { text: `${name(edge.from)} → ${name(edge.to)}` }, this.root);
    const facts = html('dl', {}, this.root);
    fact(facts, 'Imports', String(edge.imports));
    fact(facts, 'Module dependencies', String(edge.members.length));
    if (edge.violations > 0) fact(facts, 'Violating imports', String(edge.violations));
    if (edge.inCycle) fact(facts, 'Cycle', 'some of these dependencies are steps of a module cycle');
    if (edge.cuts !== undefined && edge.cuts > 0) fact(facts, 'Cut', `${edge.cuts} of them are the cycle rule's suggested cut`);
    this.edgeList('Module dependencies', [...edge.members], (e) => `${e.from} → ${e.to}`);
  }

  private siteRow(list: HTMLElement, site: GraphImportSite): void {
    const li = html('li', {}, list);
    const where = `${site.file}:${site.line}:${site.column}`;
    const button = html('button', { className: `site${site.rules ? ' violation' : ''}`, attrs: { title: this.canOpenFiles ? `Open ${where}` : where } }, li);
    html('span', { className: 'where', text: where }, button);
    html('span', { className: 'specifier', text: site.specifier }, button);
    for (const rule of site.rules ?? []) html('span', { className: 'rule', text: rule }, button);
    if (site.viaReExport) html('span', { className: 'tag', text: 're-export' }, button);
    if (site.typeOnly) html('span', { className: 'tag', text: 'type-only' }, button);
    button.addEventListener('click', () => {
      if (this.canOpenFiles) this.actions.openSite(site);
      else {
        li.querySelector('.path')?.remove();
        html('output', { className: 'path', text: where }, li);
      }
    });
  }

  private edgeList(title: string, edges: GraphEdge[], other: (e: GraphEdge) => string): void {
    html('h3', { text: `${title} (${edges.filter((e) => e.imports > 0).length})` }, this.root);
    if (edges.length === 0) return;
    const ul = html('ul', { className: 'deps' }, this.root);
    for (const e of edges.sort((a, b) => b.violations - a.violations || b.imports - a.imports)) {
      const detail = e.imports === 0 ? 'declared, unused' : `${e.imports} import${e.imports === 1 ? '' : 's'}${e.violations ? `, ${e.violations} violating` : ''}${e.declared ? '' : ', undeclared'}${e.inCycle ? ', cycle' : ''}`;
      const b = html('button', { className: `link${e.violations ? ' violation' : ''}${e.imports === 0 ? ' unused' : ''}` }, html('li', {}, ul));
      html('span', { text: other(e) }, b);
      html('span', { className: 'detail', text: ` — ${detail}` }, b);
      b.addEventListener('click', () => this.actions.selectEdge(e.id));
    }
  }
}

/**
 * The files other modules may import: the map's `public` globs (or its defaults), each relative
 * to every root, one per line so a long list stays readable.
 */
function publicApi(dl: HTMLElement, globs: string[] | undefined): void {
  html('dt', { text: 'Public API' }, dl);
  const dd = html('dd', { className: 'public-api' }, dl);
  // Exports made before the model carried the globs: say what the default is.
  if (globs === undefined) dd.textContent = 'the index file at its root, unless the map lists "public" globs';
  else if (globs.length === 0) dd.textContent = 'nothing: every file is internal';
  globs?.forEach((glob, i) => {
    if (i > 0) dd.append(', ');
    html('code', { text: glob }, dd);
  });
}

function fact(dl: HTMLElement, term: string, value: string): void {
  html('dt', { text: term }, dl);
  html('dd', { text: value }, dl);
}
