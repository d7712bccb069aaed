/**
 * The drawing of an overview: one SVG element per box (module or collapsed group), frame
 * (expanded group) and edge, kept in maps keyed like the overview so an update changes only what
 * changed (no full re-render).
 */
import { placeEdgeLabels, type EdgeLabel } from '../logic/edge-labels';
import { boundsOf, edgeBounds, edgePath, edgeWidth, groupLabel, labelBounds, nodeLabel, type Box } from '../logic/geometry';
import type { Overview, OverviewEdge, OverviewFrame, OverviewItem } from '../logic/overview';
import { boxText } from '../logic/box-text';
import { PanZoom } from './pan-zoom';
import { svg, svgText } from './svg';

export interface GraphViewEvents {
  node(id: string): void;
  /** An edge by its overview key (the model's edge id when both ends are modules). */
  edge(key: string): void;
  /** A collapsed group's box or an expanded group's frame label: open or close it. */
  group(id: string): void;
  background(): void;
}

interface ItemEls {
  g: SVGGElement;
  rect: SVGRectElement;
  name: SVGTextElement;
  files: SVGTextElement;
}
interface EdgeEls {
  g: SVGGElement;
  line: SVGPathElement;
  hit: SVGPathElement;
  label: SVGTextElement;
  /** Where its label may go, set by each update; placed with the others' (logic/edge-labels.ts). */
  labelAt?: EdgeLabel;
  /** What the curve and its label cover, for fit and export. */
  bounds?: Box;
  labelBox?: Box;
}
interface FrameEls {
  rect: SVGRectElement;
  label: SVGTextElement;
}

type Owner = { kind: 'node' | 'edge' | 'group'; id: string };

const MARKERS = ['plain', 'violation', 'cycle', 'unused'] as const;

export class GraphView {
  readonly svg: SVGSVGElement;
  readonly panZoom: PanZoom;
  private readonly groupLayer: SVGGElement;
  private readonly edgeLayer: SVGGElement;
  private readonly nodeLayer: SVGGElement;
  /** After the boxes: Tab reaches the modules first, then the frames' labels (to close a group). */
  private readonly frameLabelLayer: SVGGElement;
  private readonly items = new Map<string, ItemEls>();
  private readonly edges = new Map<string, EdgeEls>();
  private readonly frames = new Map<string, FrameEls>();
  private boxes = new Map<string, Box>();
  private overview: Overview = { items: [], frames: [], edges: [] };
  private elementOwner = new WeakMap<Element, Owner>();

  constructor(container: HTMLElement, private readonly events: GraphViewEvents) {
    this.svg = svg('svg', { class: 'graph', role: 'group', 'aria-label': 'Module dependency graph' }, container);
    const defs = svg('defs', {}, this.svg);
    for (const kind of MARKERS) {
      const marker = svg('marker', { id: `arrow-${kind}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse', markerUnits: 'userSpaceOnUse' }, defs);
      svg('path', { d: 'M0,0 L10,5 L0,10 z', class: `arrow arrow-${kind}` }, marker);
    }
    const viewport = svg('g', { class: 'viewport' }, this.svg);
    this.groupLayer = svg('g', { class: 'groups' }, viewport);
    this.edgeLayer = svg('g', { class: 'edges' }, viewport);
    this.nodeLayer = svg('g', { class: 'nodes' }, viewport);
    this.frameLabelLayer = svg('g', { class: 'frame-labels' }, viewport);
    this.panZoom = new PanZoom(this.svg, viewport);
    this.svg.addEventListener('click', (e) => {
      const owner = this.ownerOf(e.target);
      if (!owner) this.events.background();
      else this.events[owner.kind](owner.id);
    });
  }

  /** Adds, updates and removes elements to match `overview`, at the positions in `boxes`. */
  update(overview: Overview, boxes: Map<string, Box>): void {
    this.overview = overview;
    this.boxes = boxes;
    sync(this.frames, overview.frames, (f) => this.createFrame(f), (els, f) => this.updateFrame(els, f), (els) => {
      els.rect.remove();
      els.label.remove();
    });
    sync(this.items, overview.items, (i) => this.createItem(i), (els, i) => this.updateItem(els, i), (els) => els.g.remove());
    sync(this.edges, overview.edges, (e) => this.createEdge(e), (els, e) => this.updateEdge(els, e), (els) => els.g.remove());
    this.placeLabels();
    this.order();
  }

  private placeLabels(): void {
    const labels = [...this.edges.values()].flatMap((els) => (els.labelAt ? [els.labelAt] : []));
    const spots = placeEdgeLabels(labels, [...this.boxes.values()]);
    for (const [key, els] of this.edges) {
      const p = spots.get(key);
      els.labelBox = p && els.labelAt ? labelBounds(els.labelAt.text, p) : undefined;
      if (!p) continue;
      els.label.setAttribute('x', p.x.toFixed(1));
      els.label.setAttribute('y', (p.y - 4).toFixed(1));
    }
  }

  /** Marks search matches: modules by name, collapsed groups holding one. */
  mark(matches: ReadonlySet<string>, groupsWithMatches: ReadonlySet<string>): void {
    for (const [key, els] of this.items) els.g.classList.toggle('match', matches.has(key) || groupsWithMatches.has(key));
    this.svg.classList.toggle('searching', matches.size > 0);
  }

  /** Emphasises one box (and its edges) or one edge, by key; everything else fades. */
  select(selection: { node?: string; edge?: string }): void {
    const related = new Set<string>();
    for (const e of this.overview.edges) {
      const on = e.key === selection.edge || e.from === selection.node || e.to === selection.node;
      this.edges.get(e.key)?.g.classList.toggle('selected', on);
      if (on) related.add(e.from).add(e.to);
    }
    for (const [key, els] of this.items) {
      els.g.classList.toggle('selected', key === selection.node);
      els.g.classList.toggle('related', related.has(key));
      if (els.g.classList.contains('node')) els.g.setAttribute('aria-pressed', String(key === selection.node));
    }
    this.svg.classList.toggle('has-selection', selection.node !== undefined || selection.edge !== undefined);
  }

  /** The box of the active editor's module (or of the collapsed group holding it). */
  setActive(key: string | undefined): void {
    for (const [k, els] of this.items) els.g.classList.toggle('active', k === key);
  }

  focusNode(key: string): void {
    this.items.get(key)?.g.focus();
  }

  /** Box keys in reading order (by column, then top to bottom): the Tab order. */
  nodeOrder(): string[] {
    return [...this.nodeLayer.children].map((g) => g.getAttribute('data-key') ?? '');
  }

  boxOf(key: string): Box | undefined {
    return this.boxes.get(key);
  }

  fit(): void {
    // The edges are in the bounds: a margin for their arrowheads and the labels drawn at their ends.
    this.panZoom.fit(this.visibleBounds(24));
  }

  /**
   * Bounds of what is drawn, for fit and export: boxes, frames, and the edges with their labels
   * (a loop between boxes of one column goes out to the right of both, a back edge dips below).
   */
  visibleBounds(pad = 20): Box | undefined {
    const boxes = [...this.items.keys(), ...this.frames.keys()].map((k) => this.boxes.get(k)).filter((b): b is Box => b !== undefined);
    if (boxes.length === 0) return undefined;
    for (const els of this.edges.values()) boxes.push(...[els.bounds, els.labelBox].filter((b): b is Box => b !== undefined));
    return boundsOf(boxes, pad);
  }

  private ownerOf(target: EventTarget | null): Owner | undefined {
    for (let el = target instanceof Element ? target : null; el && el !== this.svg; el = el.parentElement) {
      const owner = this.elementOwner.get(el);
      if (owner) return owner;
    }
    return undefined;
  }

  private createItem(i: OverviewItem): ItemEls {
    const group = i.kind === 'group';
    const attrs: Record<string, string | number> = { class: group ? 'cluster' : 'node', tabindex: 0, role: 'button', 'data-key': i.key };
    if (group) {
      attrs['data-group'] = i.id;
      attrs['aria-expanded'] = 'false';
    } else attrs['data-module'] = i.id;
    const g = svg('g', attrs, this.nodeLayer);
    const rect = svg('rect', { rx: group ? 10 : 6, ry: group ? 10 : 6 }, g);
    const shown = group ? groupLabel(i.label) : nodeLabel(i.label);
    const name = svgText(shown, { class: 'name', x: 12, y: group ? 24 : 19 }, g);
    // A shortened label keeps the whole name as the box's tooltip.
    if (shown !== i.label) svgText(i.label, { class: 'full-name' }, svg('title', {}, g));
    const files = svgText('', { class: 'files', x: 12 }, g);
    this.elementOwner.set(g, { kind: group ? 'group' : 'node', id: i.id });
    g.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        if (group) this.events.group(i.id);
        else this.events.node(i.id);
      }
    });
    return { g, rect, name, files };
  }

  private updateItem(els: ItemEls, i: OverviewItem): void {
    const box = this.boxes.get(i.key) ?? { x: 0, y: 0, width: 100, height: 36 };
    els.g.setAttribute('transform', `translate(${box.x},${box.y})`);
    els.rect.setAttribute('width', String(box.width));
    els.rect.setAttribute('height', String(box.height));
    els.files.setAttribute('y', String(i.kind === 'group' ? 44 : Math.min(box.height - 7, 34)));
    const { files, violations, inCycle, label } = boxText(i);
    if (els.files.textContent !== files) els.files.textContent = files;
    els.g.classList.toggle('violating', violations > 0);
    els.g.classList.toggle('cycle', inCycle);
    els.g.setAttribute('aria-label', label);
  }

  private createFrame(f: OverviewFrame): FrameEls {
    const rect = svg('rect', { class: 'group', rx: 10, ry: 10 }, this.groupLayer);
    const label = svgText(f.label, { class: 'group-label', tabindex: 0, role: 'button', 'aria-expanded': 'true', 'data-group': f.id }, this.frameLabelLayer);
    this.elementOwner.set(label, { kind: 'group', id: f.id });
    label.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        this.events.group(f.id);
      }
    });
    return { rect, label };
  }

  private updateFrame(els: FrameEls, f: OverviewFrame): void {
    const box = this.boxes.get(f.key);
    if (!box) return;
    els.rect.setAttribute('x', String(box.x));
    els.rect.setAttribute('y', String(box.y));
    els.rect.setAttribute('width', String(box.width));
    els.rect.setAttribute('height', String(box.height));
    els.label.setAttribute('x', String(box.x + 10));
    els.label.setAttribute('y', String(box.y + 19));
    els.label.setAttribute('aria-label', `Group ${f.label}, expanded: press Enter to collapse`);
  }

  private createEdge(e: OverviewEdge): EdgeEls {
    const g = svg('g', { class: 'edge', 'data-from': bare(e.from), 'data-to': bare(e.to) }, this.edgeLayer);
    const hit = svg('path', { class: 'hit' }, g);
    const line = svg('path', { class: 'line' }, g);
    const label = svgText('', { class: 'label', 'text-anchor': 'middle' }, g);
    this.elementOwner.set(g, { kind: 'edge', id: e.key });
    return { g, line, hit, label };
  }

  private updateEdge(els: EdgeEls, e: OverviewEdge): void {
    const a = this.boxes.get(e.from);
    const b = this.boxes.get(e.to);
    if (!a || !b) {
      els.bounds = undefined;
      return;
    }
    const { d, mid, at } = edgePath(a, b);
    els.bounds = edgeBounds(a, b);
    els.line.setAttribute('d', d);
    els.hit.setAttribute('d', d);
    els.line.setAttribute('stroke-width', edgeWidth(e.imports).toFixed(2));
    const kind = e.violations > 0 ? 'violation' : e.inCycle ? 'cycle' : e.imports === 0 ? 'unused' : 'plain';
    const summed = e.members.length > 1 || e.from.startsWith('\u0000') || e.to.startsWith('\u0000');
    els.line.setAttribute('marker-end', `url(#arrow-${kind})`);
    const change = changeOf(e);
    const classes = ['edge', kind, e.declared ? '' : 'undeclared', summed ? 'summed' : '', e.inCycle && kind === 'violation' ? 'in-cycle' : '', change ?? '', els.g.classList.contains('selected') ? 'selected' : ''];
    els.g.setAttribute('class', classes.filter(Boolean).join(' '));
    // A summed edge says how many imports it stands for; a module edge only its violations.
    const counts = summed ? `${e.imports}${e.violations > 0 ? ` · ${e.violations} ✕` : ''}` : e.violations > 0 ? `${e.violations} ✕` : '';
    const text = change === 'added' ? `+ ${counts}`.trim() : change === 'removed' ? '−' : counts;
    if (els.label.textContent !== text) els.label.textContent = text;
    els.label.setAttribute('x', mid.x.toFixed(1));
    els.label.setAttribute('y', (mid.y - 4).toFixed(1));
    els.labelAt = text === '' ? undefined : { key: e.key, text, priority: (e.violations > 0 ? 1e9 : 0) + e.imports, at };
    const what = e.imports === 0 ? 'declared, unused' : `${e.imports} import${e.imports === 1 ? '' : 's'}${e.violations > 0 ? `, ${e.violations} violating` : ''}${e.inCycle ? ', in a cycle' : ''}`;
    const since = change === 'added' ? ', new since the compared ref' : change === 'removed' ? ', removed since the compared ref' : '';
    els.g.setAttribute('aria-label', `${bare(e.from)} → ${bare(e.to)}: ${what}${summed ? ` over ${e.members.length} module dependencies` : ''}${since}`);
  }

  /** DOM order = Tab order: columns left to right, top to bottom within a column. */
  private order(): void {
    const keys = this.overview.items.map((i) => i.key).sort((p, q) => {
      const a = this.boxes.get(p) ?? { x: 0, y: 0 };
      const b = this.boxes.get(q) ?? { x: 0, y: 0 };
      return a.x - b.x || a.y - b.y;
    });
    for (const key of keys) this.nodeLayer.appendChild(this.items.get(key)!.g);
    // Outer frames first, so inner ones paint over them.
    for (const f of this.overview.frames) {
      const els = this.frames.get(f.key)!;
      this.groupLayer.append(els.rect);
      this.frameLabelLayer.append(els.label);
    }
  }
}

/** `--since`: an edge is added when any dependency behind it is new, removed when all of them are gone. */
function changeOf(e: OverviewEdge): 'added' | 'removed' | undefined {
  if (e.members.some((m) => m.change === 'added')) return 'added';
  return e.members.length > 0 && e.members.every((m) => m.change === 'removed') ? 'removed' : undefined;
}

/** A group key without its marker: what attributes and labels show. */
const bare = (key: string): string => (key.startsWith('\u0000') ? key.slice(1) : key);


/** Reconciles a keyed element map with a list of items. */
function sync<T, E>(map: Map<string, E>, items: readonly T[], create: (item: T) => E, update: (els: E, item: T) => void, remove: (els: E) => void, key = (item: T) => (item as { key: string }).key): void {
  const seen = new Set<string>();
  for (const item of items) {
    const k = key(item);
    seen.add(k);
    let els = map.get(k);
    if (!els) {
      els = create(item);
      map.set(k, els);
    }
    update(els, item);
  }
  for (const [k, els] of map) {
    if (!seen.has(k)) {
      remove(els);
      map.delete(k);
    }
  }
}
