/**
 * The graph app: holds the model, positions, filter, opened groups and selection, and tells the
 * view what to change. The layout runs again only when what is drawn changed (see overviewKey):
 * other modules, a filter keeping other modules, a group opened or closed.
 */
import type { GraphModel } from '../protocol/graph-model';
import { canvasTextMeasure } from './dom/canvas-text-measure';
import { DetailsPanel } from './dom/details-panel';
import { exportPng, exportSvg } from './dom/export-image';
import { GraphView } from './dom/graph-view';
import { bindKeyboard } from './dom/keyboard';
import { LayersView } from './dom/layers-view';
import { MatrixView } from './dom/matrix-view';
import { html } from './dom/svg';
import { Toolbar } from './dom/toolbar';
import type { GraphHost, ViewKind } from './host/graph-host';
import { runLayout, type LayoutEngine, type LoadLayoutEngine } from './layout';
import { boundsOf, setTextMeasure, type Box } from './logic/geometry';
import { ancestors, buildGroupTree, membersOf, type GroupTree } from './logic/group-tree';
import { layersLayout, type LayersLayout } from './logic/layers-layout';
import { warmUpInput, type Direction } from './logic/layout-input';
import { matrixData } from './logic/matrix-data';
import { collapse, defaultExpanded, groupKey, overviewKey, type Overview } from './logic/overview';
import { NO_FILTER, visibleGraph, type ViewFilter, type Visible } from './logic/view-filter';

/** The smallest label size on screen after Fit that the overview accepts before it opens fewer groups. */
const LEGIBLE_PX = 11;
/** Font sizes in graph.css: module names, collapsed groups' names, frame labels. */
const FONT = { module: 12, group: 16, frame: 13 };

/** Timings the benchmark and the browser tests read (window.bulkheadGraph). */
export interface GraphTimings {
  renders: number;
  layouts: number;
  lastLayoutMs: number;
  lastRenderMs: number;
  lastFilterMs: number;
  /** The matrix: building its data for the modules shown and drawing the scrolled window. */
  lastMatrixMs: number;
  /** The layers view: placing the rows and drawing them. */
  lastLayersMs: number;
  /** The zoom of the layers view's last Fit. */
  layersFitScale: number;
  /** Getting ELK ready: 0 in the panel (bundled); in the HTML export, unpacking it on the first layout. */
  engineLoadMs: number;
  /** Boxes (modules and collapsed groups) the graph draws. */
  boxes: number;
  /** The zoom after the last layout's Fit. */
  fitScale: number;
}

export class GraphApp {
  private model?: GraphModel;
  private boxes = new Map<string, Box>();
  private key?: string;
  private direction: Direction = 'RIGHT';
  private tree?: GroupTree;
  private overview?: Overview;
  /** Groups the user opened (true) or closed (false); the rest follow the default. */
  private readonly toggles = new Map<string, boolean>();
  /** The fit scale of the last layout: the browser tests read it with the label sizes. */
  private fitScale = 1;
  /** Recent layouts by what they drew and the canvas size: clearing a filter goes back at once. */
  private readonly recent = new Map<string, Laid>();
  private filter: ViewFilter = NO_FILTER;
  private visible?: Visible;
  private kind: ViewKind = 'graph';
  /** The model the drawing shows: behind `model` while the matrix is shown. */
  private drawn?: GraphModel;
  private selection: { node?: string; edge?: string } = {};
  private active?: string;
  private queue = Promise.resolve();
  private pending?: GraphModel;
  readonly timings: GraphTimings = { renders: 0, layouts: 0, lastLayoutMs: 0, lastRenderMs: 0, lastFilterMs: 0, lastMatrixMs: 0, lastLayersMs: 0, layersFitScale: 1, engineLoadMs: 0, boxes: 0, fitScale: 1 };
  private readonly view: GraphView;
  private readonly matrix: MatrixView;
  private readonly layers: LayersView;
  /** Units of the layers view the user opened (true) or closed (false). */
  private readonly layerToggles = new Map<string, boolean>();
  private layersDrawn?: LayersLayout;
  private readonly details: DetailsPanel;
  private readonly toolbar: Toolbar;
  private readonly message: HTMLElement;

  private engine?: Promise<LayoutEngine>;

  constructor(root: HTMLElement, private readonly host: GraphHost, private readonly loadLayoutEngine: LoadLayoutEngine) {
    setTextMeasure(canvasTextMeasure(getComputedStyle(root).fontFamily));
    const bar = html('header', { className: 'toolbar', attrs: { role: 'toolbar', 'aria-label': 'Graph filters' } }, root);
    const main = html('main', { className: 'main' }, root);
    const canvas = html('div', { className: 'canvas' }, main);
    this.message = html('p', { className: 'message', attrs: { role: 'status' } }, canvas);
    const aside = html('aside', { className: 'details', attrs: { 'aria-label': 'Details', 'aria-live': 'polite' } }, main);
    const events = { node: (id: string) => this.selectNode(id), edge: (id: string) => this.selectEdge(id), background: () => this.clearSelection() };
    this.view = new GraphView(canvas, { ...events, group: (id) => this.toggleGroup(id) });
    this.matrix = new MatrixView(canvas, events);
    this.layers = new LayersView(canvas, { ...events, unit: (id) => this.toggleUnit(id) });
    this.details = new DetailsPanel(aside, { selectNode: (id) => this.selectNode(id, true), selectEdge: (id) => this.selectEdge(id), openSite: (s) => host.openSite(s) }, host.canOpenFiles);
    this.toolbar = new Toolbar(bar, {
      viewChanged: (kind) => this.setView(kind),
      filterChanged: (f) => this.setFilter(f),
      fit: () => (this.kind === 'layers' ? this.layers.fit() : this.view.fit()),
      exportImage: (format) => void this.exportImage(format),
      searchSubmitted: () => this.goToFirstMatch(),
      ...(host.showSince ? { showSince: (ref: string | undefined) => host.showSince?.(ref) } : {}),
    });
    bindKeyboard(() => (this.kind === 'graph' ? this.view : this.kind === 'layers' ? this.layers : undefined), this.toolbar, { clearSelection: () => this.clearSelection() });
    // The panel is often resized (or opened narrow beside an editor): keep the drawing fitted
    // until the user zooms or pans.
    new ResizeObserver(() => {
      if (this.model && !this.view.panZoom.moved) this.view.fit();
      if (this.kind === 'layers' && !this.layers.panZoom.moved) this.drawLayers();
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
      sinceSuggestion: (ref, label) => this.toolbar.since?.suggest(ref, label),
      sinceError: (ref, message) => this.toolbar.since?.failed(ref, message),
    });
    // The export hands its model over at once; the panel's comes in a message later.
    if (this.pending === undefined && this.model === undefined) this.warmUpLayout();
  }

  /** Settles when every model, filter and group change so far is drawn (the browser tests wait on it). */
  idle(): Promise<void> {
    return this.queue;
  }

  /** Models can arrive faster than layouts finish: only the newest waiting one is drawn. */
  private enqueue(model: GraphModel): void {
    const idle = this.pending === undefined;
    this.pending = model;
    if (idle) this.schedule(() => this.drawPending());
  }

  /**
   * Runs drawing work after what is queued. A failure (the layout engine missing from an
   * install) is said where the drawing would be, and later work still runs.
   */
  private schedule(work: () => Promise<void>): void {
    this.queue = this.queue.then(work).catch((err: unknown) => this.showMessage(err instanceof Error ? err.message : String(err)));
  }

  private async drawPending(): Promise<void> {
    const model = this.pending!;
    this.pending = undefined;
    const started = performance.now();
    // A diff starts on "Only changes": what a pull request changed, not the whole map around it.
    if (this.model === undefined || (model.since === undefined) !== (this.model.since === undefined)) {
      this.toolbar.showChangesFilter(model.since !== undefined);
      this.filter = this.toolbar.filter();
    }
    this.model = model;
    this.computeVisible();
    // The matrix needs no layout: while it is shown the drawing waits.
    const fit = this.kind === 'graph' && (await this.drawGraph());
    this.showMessage(model.nodes.length === 0 ? 'The module map declares no modules.' : '');
    this.toolbar.setModuleNames(model.nodes.map((n) => n.id));
    this.toolbar.since?.modelShown(model);
    this.applyFilter();
    this.refreshSelection();
    if (fit) this.view.fit();
    this.timings.lastRenderMs = performance.now() - started;
    this.timings.renders++;
    document.body.dataset.renders = String(this.timings.renders);
    if (this.pending) await this.drawPending();
  }

  /**
   * Brings the drawing up to the current model and filter, laying out again only when what is
   * drawn changed. Returns whether the layout ran (the caller fits the view then).
   */
  private async drawGraph(reveal?: string): Promise<boolean> {
    const model = this.model!;
    const visible = this.visible!;
    const nodes = model.nodes.filter((n) => visible.nodes.has(n.id));
    const edges = model.edges.filter((e) => visible.edges.has(e.id));
    const tree = buildGroupTree(model, nodes);
    this.tree = tree;
    const forced = new Set([this.filter.focus, reveal].flatMap((m) => (m !== undefined && visible.nodes.has(m) ? ancestors(tree, m) : [])));
    const defaults = [...defaultExpanded(tree)].filter((g) => this.toggles.get(g) !== false);
    const chosen = [...tree.groups.keys()].filter((g) => this.toggles.get(g) === true || forced.has(g));
    const first = this.drawn === undefined;
    let laidOut = false;
    // While the fitted labels would be too small to read, half the default openings go back (the
    // last opened first), down to none.
    const tries: number[] = [];
    for (let open = defaults.length; open > 0; open = Math.floor(open / 2)) tries.push(open);
    const candidates = [...tries, 0].map((open) => collapse(tree, new Set([...defaults.slice(0, open), ...chosen]), nodes, edges));
    const fewest = candidates[candidates.length - 1];
    const shown = candidates.find((o) => overviewKey(o) === this.key);
    // Opening a group only adds boxes: when the drawing with the fewest openings is too small to
    // read at Fit, no drawing with more is readable, so it is laid out first (on medusa's 92
    // modules in the panel: one layout instead of four).
    const order = shown ? [shown] : candidates.length > 1 ? [fewest, ...candidates.slice(0, -1)] : candidates;
    const rect = this.view.svg.getBoundingClientRect();
    const show = (overview: Overview, laid: Laid): void => {
      this.overview = overview;
      this.boxes = laid.boxes;
      this.direction = laid.direction;
      this.fitScale = laid.scale;
      this.key = overviewKey(overview);
      laidOut = true;
    };
    let fallback: Laid | undefined;
    for (const overview of order) {
      const key = overviewKey(overview);
      if (key === this.key) {
        this.overview = overview;
        break;
      }
      const cacheKey = `${key}\u0004${Math.round(rect.width)}x${Math.round(rect.height)}`;
      let laid = this.recent.get(cacheKey);
      if (!laid) {
        this.showMessage(`Laying out ${overview.items.length} boxes…`);
        await new Promise((r) => setTimeout(r, 0));
        // Timed apart from the layout, so layout times compare between the panel and the export.
        await this.layoutEngine();
        const t = performance.now();
        laid = await this.layout(overview, first ? undefined : this.boxes);
        this.timings.lastLayoutMs = performance.now() - t;
        this.timings.layouts++;
        this.recent.set(cacheKey, laid);
        if (this.recent.size > 16) this.recent.delete(this.recent.keys().next().value!);
      }
      const legible = laid.scale * smallestFont(overview) >= LEGIBLE_PX;
      if (overview === fewest) {
        fallback = laid;
        if (legible && order.length > 1) continue;
      } else if (!legible) {
        continue;
      }
      show(overview, laid);
      fallback = undefined;
      break;
    }
    // More openings were tried and none reads at Fit: the fewest are drawn.
    if (fallback) show(fewest, fallback);
    this.showMessage('');
    this.view.update(this.overview!, this.boxes);
    this.timings.boxes = this.overview!.items.length;
    this.timings.fitScale = this.fitScale;
    this.markActive();
    this.drawn = model;
    return first || laidOut;
  }

  /**
   * Lays out left to right (users on the left, as the map reads); when that Fit would be too small
   * to read, also top to bottom (a long chain of layers fits a wide panel better downwards) and
   * keeps the larger. Live updates keep the direction they had.
   */
  private async layout(overview: Overview, previous?: Map<string, Box>): Promise<Laid> {
    const rect = this.view.svg.getBoundingClientRect();
    const directions: Direction[] = previous && overview.frames.length === 0 ? [this.direction] : ['RIGHT', 'DOWN'];
    let best: Laid | undefined;
    for (const direction of directions) {
      const boxes = await runLayout(await this.layoutEngine(), overview, direction, previous);
      const bounds = boundsOf(boxes.values(), 60);
      const scale = bounds && rect.width > 0 ? Math.min(1.5, rect.width / bounds.width, rect.height / bounds.height) : 1;
      if (!best || scale > best.scale) best = { boxes, direction, scale };
      if (best.scale * smallestFont(overview) >= LEGIBLE_PX) break;
    }
    return best!;
  }

  /** ELK, loaded on first use; `engineLoadMs` is how long that took. */
  private layoutEngine(): Promise<LayoutEngine> {
    if (!this.engine) {
      const loading = performance.now();
      this.engine = this.loadLayoutEngine();
      void this.engine.then(() => (this.timings.engineLoadMs = performance.now() - loading), () => undefined);
    }
    return this.engine;
  }

  /**
   * ELK's first layouts run its code cold: on medusa the first of the overview's four took most of
   * its 0.8 s. The panel's page warms it up with a small graph of the same shape (a frame, crossing
   * edges) while the model is on its way from the server.
   */
  private warmUpLayout(): void {
    if (this.kind !== 'graph') return;
    void this.layoutEngine().then((elk) => elk.layout(warmUpInput())).catch(() => undefined);
  }

  private toggleGroup(id: string): void {
    const open = this.overview?.frames.some((f) => f.id === id) ?? false;
    this.toggles.set(id, !open);
    // Closing a group closes what was opened inside it too, so it opens again as it was first shown.
    if (open) for (const [g] of this.toggles) if (g.startsWith(`${id}/`)) this.toggles.delete(g);
    const members = new Set(this.tree ? membersOf(this.tree, id) : []);
    this.selection = {};
    this.view.select(this.selection);
    this.details.showGroup(id, !open, this.model?.nodes.filter((n) => members.has(n.id)) ?? []);
    this.redraw();
  }

  /** Filters and openings change what is drawn: lay out again, one at a time, the newest wins. */
  private redraw(reveal?: string): void {
    this.schedule(async () => {
      if (!this.model || this.kind !== 'graph') return;
      const started = performance.now();
      if (await this.drawGraph(reveal)) this.view.fit();
      this.applyFilter();
      this.view.select(this.selectionKeys());
      if (reveal !== undefined) {
        const box = this.view.boxOf(reveal);
        if (box) this.view.panZoom.reveal(box);
        this.view.focusNode(reveal);
      }
      this.timings.lastFilterMs = performance.now() - started;
    });
  }

  private setFilter(filter: ViewFilter): void {
    const before = this.visible;
    this.filter = filter;
    this.computeVisible();
    // Search only marks: the drawing is laid out again when the modules kept change.
    if (before && sameSet(before.nodes, this.visible!.nodes) && sameSet(before.edges, this.visible!.edges)) this.applyFilter();
    else if (this.kind === 'graph') this.redraw();
    else this.applyFilter();
  }

  private computeVisible(): void {
    if (this.model) this.visible = visibleGraph(this.model, this.filter);
  }

  private applyFilter(): void {
    if (!this.model || !this.visible) return;
    const started = performance.now();
    const visible = this.visible;
    const tree = this.tree;
    const groupsWithMatches = new Set(tree ? [...visible.matches].flatMap((m) => ancestors(tree, m).map(groupKey)) : []);
    this.view.mark(visible.matches, groupsWithMatches);
    if (this.kind === 'matrix') this.drawMatrix();
    if (this.kind === 'layers') this.drawLayers();
    const { summary } = this.model;
    const shown = visible.nodes.size === this.model.nodes.length ? `${summary.modules} modules` : `${visible.nodes.size} of ${summary.modules} modules`;
    const matches = this.filter.search.trim() === '' ? '' : ` · ${visible.matches.size} match${visible.matches.size === 1 ? '' : 'es'}`;
    const since = this.model.since ? ` · ${this.model.since.summary}` : '';
    this.toolbar.status.textContent = `${this.model.title}: ${shown} · ${summary.files} files · ${summary.errors} errors, ${summary.warnings} warnings${since}${matches}`;
    this.timings.lastFilterMs = performance.now() - started;
  }

  private selectNode(id: string, reveal = false): void {
    const node = this.model?.nodes.find((n) => n.id === id);
    if (!node || !this.model) return;
    this.selection = { node: id };
    this.view.select(this.selectionKeys());
    this.matrix.select(this.selection);
    this.layers.select(this.selection);
    this.details.showModule(node, this.model);
    if (reveal && this.kind === 'matrix') this.matrix.reveal(id);
    else if (reveal && this.kind === 'layers') this.revealInLayers(id);
    else if (reveal && this.overview?.items.some((i) => i.key === id)) {
      const box = this.boxes.get(id);
      if (box) this.view.panZoom.reveal(box);
      this.view.focusNode(id);
    } else if (reveal) this.redraw(id);
  }

  /** An edge of the model, or a summed edge of the drawing (by its key). */
  private selectEdge(id: string): void {
    const edge = this.model?.edges.find((e) => e.id === id);
    const layered = edge || this.kind !== 'layers' ? undefined : this.layersDrawn?.edges.find((e) => e.key === id);
    if (layered) {
      this.selection = { edge: id };
      this.layers.select(this.selection);
      const label = (key: string) => this.layersDrawn?.items.find((i) => i.key === key)?.label ?? key;
      this.details.showSummedEdge({ ...layered, from: label(layered.from), to: label(layered.to) });
      return;
    }
    const summed = edge ? undefined : this.overview?.edges.find((e) => e.key === id);
    if (summed) {
      this.selection = { edge: id };
      this.view.select(this.selectionKeys());
      this.details.showSummedEdge(summed);
      return;
    }
    if (!edge) return;
    this.selection = { edge: id };
    this.view.select(this.selectionKeys());
    this.matrix.select(this.selection);
    this.layers.select(this.selection);
    this.details.showEdge(edge, this.host.importSites(edge.from, edge.to), this.model?.layering?.cut?.includes(edge.id) ?? false);
  }

  /** The selection as the drawing's keys: a hidden module's edge selects nothing drawn. */
  private selectionKeys(): { node?: string; edge?: string } {
    return this.selection;
  }

  private clearSelection(): void {
    this.selection = {};
    this.view.select(this.selection);
    this.matrix.select(this.selection);
    this.layers.select(this.selection);
    this.details.clear();
  }

  /** After an update: keep the selection when its module or edge still exists. */
  private refreshSelection(): void {
    const { node, edge } = this.selection;
    if (node !== undefined && this.model?.nodes.some((n) => n.id === node)) this.selectNode(node);
    else if (edge !== undefined && this.model?.edges.some((e) => e.id === edge)) this.selectEdge(edge);
    else if (node !== undefined || edge !== undefined) this.clearSelection();
  }

  /** Graph, layers or matrix: each stays built, so switching back keeps zoom, scroll and selection. */
  private setView(kind: ViewKind): void {
    this.kind = kind;
    this.host.rememberView?.(kind);
    this.toolbar.setView(kind);
    this.view.svg.classList.toggle('hidden', kind !== 'graph');
    this.matrix.show(kind === 'matrix');
    this.layers.show(kind === 'layers');
    if (kind === 'matrix') this.drawMatrix();
    else if (kind === 'layers') {
      this.drawLayers();
      this.layers.select(this.selection);
    } else this.schedule(() => this.showGraph());
  }

  /**
   * Places the rows again (cheap: no layout engine) for the model, filter and opened units, and
   * fits them unless the user zoomed or panned.
   */
  private drawLayers(): void {
    if (!this.model || !this.visible || this.kind !== 'layers') return;
    const started = performance.now();
    const rect = this.layers.svg.getBoundingClientRect();
    const layout = layersLayout(this.model, this.visible, { width: rect.width, height: rect.height, toggles: this.layerToggles, legiblePx: LEGIBLE_PX });
    this.layersDrawn = layout;
    this.layers.update(layout);
    this.layers.select(this.selection);
    this.layers.mark(this.visible.matches);
    this.layers.setActive(this.active);
    if (!this.layers.panZoom.moved) this.layers.fit();
    this.timings.layersFitScale = layout.fitScale;
    this.timings.lastLayersMs = performance.now() - started;
  }

  /** A collapsed unit opens; an opened unit's head closes it. The details list its modules. */
  private toggleUnit(id: string): void {
    const open = !(this.layersDrawn?.collapsed.has(id) ?? false);
    this.layerToggles.set(id, !open);
    const unit = this.layersDrawn?.items.find((i) => i.unit?.id === id)?.unit;
    this.drawLayers();
    const hint = open ? 'Closed: one box for these modules; click it (or Enter on it) to open it.' : 'Open: click its ▾ box (or Enter on it) to close it.';
    if (unit) this.details.showGroup(`Level ${unit.level}: ${unit.cycle ? 'cycle' : (unit.group ?? 'other modules')}`, !open, unit.modules, hint);
    this.layers.focusNode(this.layersDrawn?.items.find((i) => i.unit?.id === id)?.key ?? '');
  }

  /** Search or a details link: a module inside a collapsed unit opens it first. */
  private revealInLayers(id: string): void {
    const unit = this.layersDrawn?.items.find((i) => i.kind === 'unit' && i.unit!.modules.some((m) => m.id === id))?.unit;
    if (unit) {
      this.layerToggles.set(unit.id, true);
      this.drawLayers();
    }
    const box = this.layers.boxOf(id);
    if (box) this.layers.panZoom.reveal(box);
    this.layers.focusNode(id);
  }

  /** Back from the matrix: the models that arrived meanwhile are drawn now. */
  private async showGraph(): Promise<void> {
    if (!this.model || this.kind !== 'graph') return;
    const laidOut = await this.drawGraph();
    this.showMessage(this.model.nodes.length === 0 ? 'The module map declares no modules.' : '');
    this.applyFilter();
    this.view.select(this.selectionKeys());
    if (laidOut || !this.view.panZoom.moved) this.view.fit();
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
    this.markActive();
    this.layers.setActive(module);
  }

  /** The active module's box, or the collapsed group's that holds it. */
  private markActive(): void {
    const module = this.active;
    const drawn = module === undefined ? undefined : this.overview?.items.find((i) => i.key === module || (i.kind === 'group' && this.tree !== undefined && ancestors(this.tree, module).includes(i.id)));
    this.view.setActive(drawn?.key);
  }

  private goToFirstMatch(): void {
    if (!this.model) return;
    const first = [...(this.visible?.matches ?? [])].sort()[0];
    if (first !== undefined) this.selectNode(first, true);
  }

  /** The drawing shown (graph or layers), as the user sees it with the filters applied. */
  private async exportImage(format: 'svg' | 'png'): Promise<void> {
    const drawing = this.kind === 'layers' ? this.layers : this.view;
    const bounds = drawing.visibleBounds();
    if (!bounds || !this.model) return;
    const svgText = exportSvg(drawing.svg, bounds);
    const name = `${this.model.title.replace(/[^\w.-]+/g, '_') || 'bulkhead'}-${this.kind === 'layers' ? 'layers' : 'modules'}.${format}`;
    const view = drawing.svg.getBoundingClientRect();
    this.host.save(format, format === 'svg' ? svgText : await exportPng(svgText, bounds, { width: view.width, height: view.height }), name);
  }

  private showMessage(text: string): void {
    this.message.textContent = text;
    this.message.hidden = text === '';
  }
}

interface Laid {
  boxes: Map<string, Box>;
  direction: Direction;
  /** The zoom Fit gives it in the canvas it was laid out for. */
  scale: number;
}

/** The smallest label drawn: what must stay legible at Fit. */
function smallestFont(overview: Overview): number {
  const sizes = [...(overview.items.some((i) => i.kind === 'module') ? [FONT.module] : []), ...(overview.items.some((i) => i.kind === 'group') ? [FONT.group] : []), ...(overview.frames.length > 0 ? [FONT.frame] : [])];
  return Math.min(...sizes, FONT.group);
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}
