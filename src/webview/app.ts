/**
 * The graph app: holds the model, positions, filter and selection, and tells the view what to
 * change. New models re-run the layout only when the set of modules changed (see layoutKey).
 */
import type { GraphModel } from '../protocol/graph-model';
import { DetailsPanel } from './dom/details-panel';
import { exportPng, exportSvg } from './dom/export-image';
import { GraphView } from './dom/graph-view';
import { bindKeyboard } from './dom/keyboard';
import { MatrixView } from './dom/matrix-view';
import { html } from './dom/svg';
import { Toolbar } from './dom/toolbar';
import type { GraphHost, ViewKind } from './host/graph-host';
import { runLayout } from './layout';
import type { Box } from './logic/geometry';
import { layoutKey } from './logic/layout-input';
import { matrixData } from './logic/matrix-data';
import { NO_FILTER, visibleGraph, type ViewFilter, type Visible } from './logic/view-filter';

/** Timings the benchmark and the browser tests read (window.bulkheadGraph). */
export interface GraphTimings {
  renders: number;
  layouts: number;
  lastLayoutMs: number;
  lastRenderMs: number;
  lastFilterMs: number;
  /** The matrix: building its data for the modules shown and drawing the scrolled window. */
  lastMatrixMs: number;
}

export class GraphApp {
  private model?: GraphModel;
  private boxes = new Map<string, Box>();
  private key?: string;
  private filter: ViewFilter = NO_FILTER;
  private visible?: Visible;
  private kind: ViewKind = 'graph';
  /** The model the drawing shows: behind `model` while the matrix is shown. */
  private drawn?: GraphModel;
  private selection: { node?: string; edge?: string } = {};
  private active?: string;
  private queue = Promise.resolve();
  private pending?: GraphModel;
  readonly timings: GraphTimings = { renders: 0, layouts: 0, lastLayoutMs: 0, lastRenderMs: 0, lastFilterMs: 0, lastMatrixMs: 0 };
  private readonly view: GraphView;
  private readonly matrix: MatrixView;
  private readonly details: DetailsPanel;
  private readonly toolbar: Toolbar;
  private readonly message: HTMLElement;

  constructor(root: HTMLElement, private readonly host: GraphHost) {
    const bar = html('header', { className: 'toolbar', attrs: { role: 'toolbar', 'aria-label': 'Graph filters' } }, root);
    const main = html('main', { className: 'main' }, root);
    const canvas = html('div', { className: 'canvas' }, main);
    this.message = html('p', { className: 'message', attrs: { role: 'status' } }, canvas);
    const aside = html('aside', { className: 'details', attrs: { 'aria-label': 'Details', 'aria-live': 'polite' } }, main);
    const events = { node: (id: string) => this.selectNode(id), edge: (id: string) => this.selectEdge(id), background: () => this.clearSelection() };
    this.view = new GraphView(canvas, events);
    this.matrix = new MatrixView(canvas, events);
    this.details = new DetailsPanel(aside, { selectNode: (id) => this.selectNode(id, true), selectEdge: (id) => this.selectEdge(id), openSite: (s) => host.openSite(s) }, host.canOpenFiles);
    this.toolbar = new Toolbar(bar, {
      viewChanged: (kind) => this.setView(kind),
      filterChanged: (f) => this.setFilter(f),
      fit: () => this.view.fit(),
      exportImage: (format) => void this.exportImage(format),
      searchSubmitted: () => this.goToFirstMatch(),
    });
    bindKeyboard(this.view, this.toolbar, { clearSelection: () => this.clearSelection(), graphShown: () => this.kind === 'graph' });
    // The panel is often resized (or opened narrow beside an editor): keep the drawing fitted
    // until the user zooms or pans.
    new ResizeObserver(() => {
      if (this.model && !this.view.panZoom.moved) this.view.fit();
      this.matrix.render();
    }).observe(canvas);
  }

  start(): void {
    const saved = this.host.savedView?.();
    if (saved !== undefined && saved !== this.kind) this.setView(saved);
    this.host.start({
      model: (m) => this.enqueue(m),
      activeModule: (m) => this.setActive(m),
      empty: (text) => this.showMessage(text),
    });
  }

  /** Models can arrive faster than layouts finish: only the newest waiting one is drawn. */
  private enqueue(model: GraphModel): void {
    const idle = this.pending === undefined;
    this.pending = model;
    if (idle) this.queue = this.queue.then(() => this.drawPending());
  }

  private async drawPending(): Promise<void> {
    const model = this.pending!;
    this.pending = undefined;
    const started = performance.now();
    this.model = model;
    // The matrix needs no layout: while it is shown the drawing waits (ELK takes seconds at 500 modules).
    const fit = this.kind === 'graph' && (await this.drawGraph());
    this.showMessage(model.nodes.length === 0 ? 'The module map declares no modules.' : '');
    this.toolbar.setModuleNames(model.nodes.map((n) => n.id));
    this.applyFilter();
    this.refreshSelection();
    if (fit) this.view.fit();
    this.timings.lastRenderMs = performance.now() - started;
    this.timings.renders++;
    document.body.dataset.renders = String(this.timings.renders);
    if (this.pending) await this.drawPending();
  }

  /**
   * Brings the drawing up to the current model, laying out again only when the modules changed.
   * Returns whether this was its first drawing (which the caller fits once filters are applied).
   */
  private async drawGraph(): Promise<boolean> {
    const model = this.model!;
    const first = this.drawn === undefined;
    const key = layoutKey(model);
    if (key !== this.key) {
      this.showMessage(`Laying out ${model.nodes.length} modules…`);
      await new Promise((r) => setTimeout(r, 0));
      const t = performance.now();
      this.boxes = await runLayout(model, first ? undefined : this.boxes);
      this.timings.lastLayoutMs = performance.now() - t;
      this.timings.layouts++;
      this.key = key;
    }
    this.view.update(model, this.boxes);
    this.view.setActive(this.active);
    this.drawn = model;
    return first;
  }

  private setFilter(filter: ViewFilter): void {
    this.filter = filter;
    this.applyFilter();
  }

  private applyFilter(): void {
    if (!this.model) return;
    const started = performance.now();
    const visible = visibleGraph(this.model, this.filter);
    this.visible = visible;
    this.view.applyVisible(visible);
    if (this.kind === 'matrix') this.drawMatrix();
    const { summary } = this.model;
    const shown = visible.nodes.size === this.model.nodes.length ? `${summary.modules} modules` : `${visible.nodes.size} of ${summary.modules} modules`;
    const matches = this.filter.search.trim() === '' ? '' : ` · ${visible.matches.size} match${visible.matches.size === 1 ? '' : 'es'}`;
    this.toolbar.status.textContent = `${this.model.title}: ${shown} · ${summary.files} files · ${summary.errors} errors, ${summary.warnings} warnings${matches}`;
    this.timings.lastFilterMs = performance.now() - started;
  }

  private selectNode(id: string, reveal = false): void {
    const node = this.model?.nodes.find((n) => n.id === id);
    if (!node || !this.model) return;
    this.selection = { node: id };
    this.view.select(this.selection);
    this.matrix.select(this.selection);
    this.details.showModule(node, this.model);
    if (reveal && this.kind === 'matrix') this.matrix.reveal(id);
    else if (reveal) {
      const box = this.boxes.get(id);
      if (box) this.view.panZoom.reveal(box);
      this.view.focusNode(id);
    }
  }

  private selectEdge(id: string): void {
    const edge = this.model?.edges.find((e) => e.id === id);
    if (!edge) return;
    this.selection = { edge: id };
    this.view.select(this.selection);
    this.matrix.select(this.selection);
    this.details.showEdge(edge, this.host.importSites(edge.from, edge.to));
  }

  private clearSelection(): void {
    this.selection = {};
    this.view.select(this.selection);
    this.matrix.select(this.selection);
    this.details.clear();
  }

  /** After an update: keep the selection when its module or edge still exists. */
  private refreshSelection(): void {
    const { node, edge } = this.selection;
    if (node !== undefined && this.model?.nodes.some((n) => n.id === node)) this.selectNode(node);
    else if (edge !== undefined && this.model?.edges.some((e) => e.id === edge)) this.selectEdge(edge);
    else if (node !== undefined || edge !== undefined) this.clearSelection();
  }

  /** Graph or matrix: both stay built, so switching back keeps zoom, scroll and selection. */
  private setView(kind: ViewKind): void {
    this.kind = kind;
    this.host.rememberView?.(kind);
    this.toolbar.setView(kind);
    this.view.svg.classList.toggle('hidden', kind !== 'graph');
    this.matrix.show(kind === 'matrix');
    if (kind === 'matrix') this.drawMatrix();
    else this.queue = this.queue.then(() => this.showGraph());
  }

  /** Back from the matrix: the models that arrived meanwhile are drawn now. */
  private async showGraph(): Promise<void> {
    if (!this.model || this.kind !== 'graph') return;
    const first = this.drawn !== this.model && (await this.drawGraph());
    this.showMessage(this.model.nodes.length === 0 ? 'The module map declares no modules.' : '');
    this.applyFilter();
    this.view.select(this.selection);
    if (first || !this.view.panZoom.moved) this.view.fit();
  }

  /** The matrix is rebuilt only while it is shown: filters typed in the graph view cost it nothing. */
  private drawMatrix(): void {
    if (!this.model || !this.visible) return;
    const started = performance.now();
    this.matrix.update(matrixData(this.model, this.visible));
    this.timings.lastMatrixMs = performance.now() - started;
  }

  private setActive(module: string | undefined): void {
    this.active = module;
    this.view.setActive(module);
  }

  private goToFirstMatch(): void {
    if (!this.model) return;
    const first = [...visibleGraph(this.model, this.filter).matches].sort()[0];
    if (first !== undefined) this.selectNode(first, true);
  }

  private async exportImage(format: 'svg' | 'png'): Promise<void> {
    const bounds = this.view.visibleBounds();
    if (!bounds || !this.model) return;
    const svgText = exportSvg(this.view.svg, bounds);
    const name = `${this.model.title.replace(/[^\w.-]+/g, '_') || 'bulkhead'}-modules.${format}`;
    this.host.save(format, format === 'svg' ? svgText : await exportPng(svgText, bounds), name);
  }

  private showMessage(text: string): void {
    this.message.textContent = text;
    this.message.hidden = text === '';
  }
}
