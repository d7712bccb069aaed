/**
 * The layers view: modules in rows by dependency level (logic/layers-layout.ts places them), edges
 * against the layering or inside a cycle red, the cycle rule's cut dashed. Redrawn whole on each
 * change: no layout engine runs, and 500 modules are a few thousand elements.
 */
import { againstLayering, LAYER_SIZES, layerEdgePaths, UNIT_KEY, type LayerEdge, type LayerItem, type LayersLayout } from '../logic/layers-layout';
import { boundsOf, edgeWidth, type Box } from '../logic/geometry';
import { placeEdgeLabels } from '../logic/edge-labels';
import { PanZoom } from './pan-zoom';
import { svg, svgText } from './svg';

export interface LayersEvents {
  node(id: string): void;
  /** An edge by its key (the model's edge id when both ends are modules). */
  edge(key: string): void;
  /** A collapsed unit (opens it) or an opened unit's head (closes it). */
  unit(id: string): void;
  background(): void;
}

export class LayersView {
  readonly svg: SVGSVGElement;
  readonly panZoom: PanZoom;
  private readonly bands: SVGGElement;
  private readonly frames: SVGGElement;
  private readonly edges: SVGGElement;
  private readonly nodes: SVGGElement;
  private layout?: LayersLayout;
  private readonly itemEls = new Map<string, SVGGElement>();
  private readonly edgeEls = new Map<string, SVGGElement>();
  /** Edge keys hold a NUL, which no attribute (nor an exported SVG file) may: kept here instead. */
  private readonly edgeKeyOf = new WeakMap<Element, string>();

  constructor(container: HTMLElement, private readonly events: LayersEvents) {
    this.svg = svg('svg', { class: 'layers hidden', role: 'group', 'aria-label': 'Modules by dependency level' }, container);
    const defs = svg('defs', {}, this.svg);
    for (const kind of ['down', 'against']) {
      const marker = svg('marker', { id: `layer-arrow-${kind}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse', markerUnits: 'userSpaceOnUse' }, defs);
      svg('path', { d: 'M0,0 L10,5 L0,10 z', class: `arrow layer-arrow-${kind}` }, marker);
    }
    const viewport = svg('g', { class: 'viewport' }, this.svg);
    this.bands = svg('g', { class: 'bands' }, viewport);
    this.frames = svg('g', { class: 'frames' }, viewport);
    this.edges = svg('g', { class: 'edges' }, viewport);
    this.nodes = svg('g', { class: 'nodes' }, viewport);
    this.panZoom = new PanZoom(this.svg, viewport);
    this.svg.addEventListener('click', (e) => {
      const el = (e.target as Element).closest('[data-key], .layer-edge');
      if (!el) this.events.background();
      else this.activate(el);
    });
    this.svg.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      const el = (e.target as Element).closest('[data-key]');
      if (!el) return;
      e.preventDefault();
      this.activate(el);
    });
  }

  get shown(): boolean {
    return !this.svg.classList.contains('hidden');
  }

  show(on: boolean): void {
    this.svg.classList.toggle('hidden', !on);
  }

  update(layout: LayersLayout): void {
    this.layout = layout;
    this.itemEls.clear();
    this.edgeEls.clear();
    this.bands.replaceChildren(...layout.bands.map((b) => {
      const g = svg('g', { class: 'band', 'data-level': b.level });
      svg('rect', { x: b.box.x, y: b.box.y, width: b.box.width, height: b.box.height, rx: 6 }, g);
      svgText(`L${b.level}`, { class: 'level', x: 10, y: b.box.y + 21 }, g);
      return g;
    }));
    this.frames.replaceChildren(...layout.frames.map((f) => {
      const rect = svg('rect', { class: 'cycle-frame', x: f.box.x, y: f.box.y, width: f.box.width, height: f.box.height, rx: 8 });
      svgText(`Cycle of ${f.unit.modules.length} modules: ${f.unit.modules.map((m) => m.id).join(', ')}`, {}, svg('title', {}, rect));
      return rect;
    }));
    const boxes = new Map(layout.items.map((i) => [i.key, i.box]));
    // Red edges last, so they paint over the plain ones they cross.
    const edges = [...layout.edges].sort((a, b) => Number(againstLayering(a.kind)) - Number(againstLayering(b.kind)));
    const paths = layerEdgePaths(edges, boxes);
    // Hundreds of plain edges turn the picture grey: fainter, so the red ones and the boxes read.
    this.svg.classList.toggle('dense', layout.edges.length > 120);
    const labels = edges.flatMap((e) => {
      const text = edgeText(e);
      return text === '' || !paths.has(e.key) ? [] : [{ key: e.key, text, priority: (e.violations > 0 ? 1e9 : 0) + e.imports, at: paths.get(e.key)!.at }];
    });
    const spots = placeEdgeLabels(labels, [...boxes.values()]);
    this.edges.replaceChildren(...edges.filter((e) => paths.has(e.key)).map((e) => this.edge(e, paths.get(e.key)!.d, spots.get(e.key))));
    this.nodes.replaceChildren(...layout.items.map((i) => this.item(i)));
  }

  /** Emphasises one box (and its edges) or one edge, by key; everything else fades. */
  select(selection: { node?: string; edge?: string }): void {
    const related = new Set<string>();
    for (const e of this.layout?.edges ?? []) {
      const on = e.key === selection.edge || e.from === selection.node || e.to === selection.node || (selection.edge !== undefined && e.members.some((m) => m.id === selection.edge));
      this.edgeEls.get(e.key)?.classList.toggle('selected', on);
      if (on) related.add(e.from).add(e.to);
    }
    for (const [key, g] of this.itemEls) {
      g.classList.toggle('selected', key === selection.node);
      g.classList.toggle('related', related.has(key));
    }
    this.svg.classList.toggle('has-selection', selection.node !== undefined || selection.edge !== undefined);
  }

  mark(matches: ReadonlySet<string>): void {
    for (const [key, g] of this.itemEls) {
      const unit = this.layout?.items.find((i) => i.key === key)?.unit;
      g.classList.toggle('match', matches.has(key) || (g.classList.contains('layer-unit') && unit !== undefined && unit.modules.some((m) => matches.has(m.id))));
    }
    this.svg.classList.toggle('searching', matches.size > 0);
  }

  setActive(module: string | undefined): void {
    for (const i of this.layout?.items ?? []) {
      const on = module !== undefined && (i.key === module || (i.kind === 'unit' && i.unit!.modules.some((m) => m.id === module)));
      this.itemEls.get(i.key)?.classList.toggle('active', on);
    }
  }

  /** Boxes' `data-key`s in reading order (levels top to bottom, left to right): the Tab and arrow-key order. */
  nodeOrder(): string[] {
    return (this.layout?.items ?? []).map((i) => domKey(i.key));
  }

  /** By the layout's key or the box's `data-key`. */
  focusNode(key: string): void {
    (this.itemEls.get(key) ?? this.itemEls.get(key.startsWith('unit ') ? UNIT_KEY + key.slice('unit '.length) : key))?.focus();
  }

  boxOf(key: string): Box | undefined {
    return this.layout?.items.find((i) => i.key === key)?.box;
  }

  fit(): void {
    this.panZoom.fit(this.visibleBounds(LAYER_SIZES.fitPad));
  }

  visibleBounds(pad = 20): Box | undefined {
    if (!this.layout || this.layout.items.length === 0) return undefined;
    return boundsOf([{ x: 0, y: 0, width: this.layout.width, height: this.layout.height }], pad);
  }

  private activate(el: Element): void {
    const kind = el.getAttribute('data-kind');
    if (el.classList.contains('layer-edge')) this.events.edge(this.edgeKeyOf.get(el) ?? '');
    else if (kind === 'module') this.events.node(el.getAttribute('data-module') ?? '');
    else this.events.unit(el.getAttribute('data-unit') ?? '');
  }

  private item(i: LayerItem): SVGGElement {
    const attrs: Record<string, string | number> = {
      class: `layer-${i.kind}`,
      tabindex: 0,
      role: 'button',
      'data-key': domKey(i.key),
      'data-kind': i.kind,
      transform: `translate(${i.box.x},${i.box.y})`,
    };
    if (i.module) attrs['data-module'] = i.module.id;
    if (i.unit) attrs['data-unit'] = i.unit.id;
    const g = svg('g', attrs);
    svg('rect', { width: i.box.width, height: i.box.height, rx: 5 }, g);
    svgText(i.label, { class: 'name', x: 10, y: 17 }, g);
    const violations = i.module ? i.module.violations : (i.unit?.modules.reduce((n, m) => n + m.violations, 0) ?? 0);
    const inCycle = i.module ? i.module.inCycle : (i.unit?.cycle ?? false);
    g.classList.toggle('violating', violations > 0);
    g.classList.toggle('cycle', inCycle);
    g.setAttribute('aria-label', describeItem(i, violations));
    svgText(i.kind === 'module' ? i.id : describeItem(i, violations), {}, svg('title', {}, g));
    this.itemEls.set(i.key, g);
    return g;
  }

  private edge(e: LayerEdge, d: string, labelAt: { x: number; y: number } | undefined): SVGGElement {
    const against = againstLayering(e.kind);
    const added = e.members.some((m) => m.change === 'added') ? ' added' : '';
    const g = svg('g', { class: `layer-edge ${e.kind}${e.violations > 0 ? ' violation' : ''}${added}`, 'data-from': bare(e.from), 'data-to': bare(e.to) });
    this.edgeKeyOf.set(g, e.key);
    svg('path', { class: 'hit', d }, g);
    svg('path', { class: 'line', d, 'stroke-width': edgeWidth(e.imports).toFixed(2), 'marker-end': `url(#layer-arrow-${against ? 'against' : 'down'})` }, g);
    const text = edgeText(e);
    if (text !== '' && labelAt) svgText(text, { class: 'label', x: labelAt.x.toFixed(1), y: (labelAt.y - 3).toFixed(1), 'text-anchor': 'middle' }, g);
    svgText(describeEdge(e), {}, svg('title', {}, g));
    this.edgeEls.set(e.key, g);
    return g;
  }
}

/** A cut edge says so; others only their violations. */
const edgeText = (e: LayerEdge): string => (e.kind === 'cut' ? `cut${e.violations > 0 ? ` · ${e.violations} ✕` : ''}` : e.violations > 0 ? `${e.violations} ✕` : '');

const bare = (key: string): string => (key.startsWith('\u0000') ? key.slice(1) : key);
/** A box's `data-key`: the module name, or "unit " and the unit's id (NUL is no attribute character). */
const domKey = (key: string): string => (key.startsWith(UNIT_KEY) ? `unit ${key.slice(UNIT_KEY.length)}` : key);

function describeItem(i: LayerItem, violations: number): string {
  const v = violations > 0 ? `, ${violations} violation${violations === 1 ? '' : 's'}` : '';
  if (i.kind === 'module') return `Module ${i.id}, level ${i.level}, ${i.module!.fileCount} files${v}${i.module!.inCycle ? ', in a cycle' : ''}`;
  const names = i.unit!.modules.map((m) => m.id);
  const what = `${i.unit!.cycle ? 'Cycle' : 'Group'} ${i.label} at level ${i.level}: ${names.slice(0, 8).join(', ')}${names.length > 8 ? ', …' : ''}${v}`;
  return i.kind === 'unit' ? `${what}. Press Enter to open` : `${what}. Open: press Enter to close`;
}

/** The tooltip and accessible name: what the edge is, and why it is red. */
export function describeEdge(e: LayerEdge): string {
  const imports = `${e.imports} import${e.imports === 1 ? '' : 's'}${e.violations > 0 ? `, ${e.violations} violating` : ''}`;
  const why = { down: '', cycle: ' — a step of a cycle', cut: ` — cut: ${e.members.length === 1 ? 'the cycle rule suggests removing this dependency' : `${e.cuts} of these dependencies are the cycle rule's suggested cut`}`, up: ' — against the layering (points up)' }[e.kind];
  const summed = e.members.length > 1 ? ` over ${e.members.length} module dependencies` : '';
  return `${bare(e.from)} → ${bare(e.to)}: ${imports}${summed}${why}`;
}
