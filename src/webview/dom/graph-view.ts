/**
 * The drawing: one SVG element per module, edge and group, kept in maps keyed by name so an update
 * changes only what changed (no full re-render), and filters only toggle classes.
 */
import type { GraphEdge, GraphModel, GraphNode } from '../../protocol/graph-model';
import { boundsOf, edgePath, edgeWidth, type Box } from '../logic/geometry';
import { usesPartitions } from '../logic/layout-input';
import type { Visible } from '../logic/view-filter';
import { PanZoom } from './pan-zoom';
import { svg, svgText } from './svg';

export interface GraphViewEvents {
  node(id: string): void;
  edge(id: string): void;
  background(): void;
}

interface NodeEls {
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
}

const MARKERS = ['plain', 'violation', 'cycle', 'unused'] as const;

export class GraphView {
  readonly svg: SVGSVGElement;
  readonly panZoom: PanZoom;
  private readonly groupLayer: SVGGElement;
  private readonly edgeLayer: SVGGElement;
  private readonly nodeLayer: SVGGElement;
  private readonly nodes = new Map<string, NodeEls>();
  private readonly edges = new Map<string, EdgeEls>();
  private readonly groups = new Map<string, { rect: SVGRectElement; label: SVGTextElement }>();
  private boxes = new Map<string, Box>();
  private model?: GraphModel;
  private elementOwner = new WeakMap<Element, { kind: 'node' | 'edge'; id: string }>();

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
    this.panZoom = new PanZoom(this.svg, viewport);
    this.svg.addEventListener('click', (e) => {
      const owner = this.ownerOf(e.target);
      if (!owner) this.events.background();
      else if (owner.kind === 'node') this.events.node(owner.id);
      else this.events.edge(owner.id);
    });
  }

  /** Adds, updates and removes elements to match `model`, at the positions in `boxes`. */
  update(model: GraphModel, boxes: Map<string, Box>): void {
    this.model = model;
    this.boxes = boxes;
    sync(this.nodes, model.nodes, (n) => this.createNode(n), (els, n) => this.updateNode(els, n), (els) => els.g.remove());
    sync(this.edges, model.edges, (e) => this.createEdge(e), (els, e) => this.updateEdge(els, e), (els) => els.g.remove());
    this.order(model);
    this.updateGroups(model);
  }

  /** Hides what the filters leave out and marks search matches. */
  applyVisible(visible: Visible): void {
    for (const [id, els] of this.nodes) {
      els.g.classList.toggle('hidden', !visible.nodes.has(id));
      els.g.classList.toggle('match', visible.matches.has(id));
      els.g.setAttribute('tabindex', visible.nodes.has(id) ? '0' : '-1');
    }
    for (const [id, els] of this.edges) els.g.classList.toggle('hidden', !visible.edges.has(id));
    const shown = new Set(this.model?.nodes.filter((n) => n.group !== undefined && visible.nodes.has(n.id)).map((n) => n.group));
    for (const [id, els] of this.groups) {
      els.rect.classList.toggle('hidden', !shown.has(id));
      els.label.classList.toggle('hidden', !shown.has(id));
    }
    this.svg.classList.toggle('searching', visible.matches.size > 0);
  }

  /** Emphasises one module (and its edges) or one edge; everything else fades. */
  select(selection: { node?: string; edge?: string }): void {
    const related = new Set<string>();
    for (const [id, els] of this.edges) {
      const [from, to] = id.split('\u0000');
      const on = id === selection.edge || from === selection.node || to === selection.node;
      els.g.classList.toggle('selected', on);
      if (on) related.add(from).add(to);
    }
    for (const [id, els] of this.nodes) {
      els.g.classList.toggle('selected', id === selection.node);
      els.g.classList.toggle('related', related.has(id));
      els.g.setAttribute('aria-pressed', String(id === selection.node));
    }
    this.svg.classList.toggle('has-selection', selection.node !== undefined || selection.edge !== undefined);
  }

  /** The module of the active editor. */
  setActive(module: string | undefined): void {
    for (const [id, els] of this.nodes) els.g.classList.toggle('active', id === module);
  }

  focusNode(id: string): void {
    this.nodes.get(id)?.g.focus();
  }

  /** Module ids in reading order (by column, then top to bottom): the Tab order. */
  nodeOrder(): string[] {
    return [...this.nodeLayer.children].filter((g) => !g.classList.contains('hidden')).map((g) => g.getAttribute('data-module') ?? '');
  }

  fit(): void {
    const visible = [...this.nodes].filter(([, els]) => !els.g.classList.contains('hidden')).map(([id]) => this.boxes.get(id)!);
    this.panZoom.fit(boundsOf(visible.filter(Boolean), 60));
  }

  /** Bounds of what is visible, for export. */
  visibleBounds(): Box | undefined {
    const boxes = [...this.nodes].filter(([, els]) => !els.g.classList.contains('hidden')).map(([id]) => this.boxes.get(id)!);
    const groups = [...this.groups.values()].filter((g) => !g.rect.classList.contains('hidden')).map((g) => g.rect.getBBox());
    return boundsOf([...boxes, ...groups], 20);
  }

  private ownerOf(target: EventTarget | null): { kind: 'node' | 'edge'; id: string } | undefined {
    for (let el = target instanceof Element ? target : null; el && el !== this.svg; el = el.parentElement) {
      const owner = this.elementOwner.get(el);
      if (owner) return owner;
    }
    return undefined;
  }

  private createNode(n: GraphNode): NodeEls {
    const g = svg('g', { class: 'node', tabindex: 0, role: 'button', 'data-module': n.id }, this.nodeLayer);
    const rect = svg('rect', { rx: 6, ry: 6 }, g);
    const name = svgText(n.id, { class: 'name', x: 12, y: 19 }, g);
    const files = svgText('', { class: 'files', x: 12 }, g);
    this.elementOwner.set(g, { kind: 'node', id: n.id });
    g.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        this.events.node(n.id);
      }
    });
    return { g, rect, name, files };
  }

  private updateNode(els: NodeEls, n: GraphNode): void {
    const box = this.boxes.get(n.id) ?? { x: 0, y: 0, width: 100, height: 36 };
    els.g.setAttribute('transform', `translate(${box.x},${box.y})`);
    els.rect.setAttribute('width', String(box.width));
    els.rect.setAttribute('height', String(box.height));
    els.files.setAttribute('y', String(Math.min(box.height - 7, 34)));
    const fileText = `${n.fileCount} file${n.fileCount === 1 ? '' : 's'}`;
    const files = `${fileText}${n.violations > 0 ? ` · ${n.violations} ✕` : ''}`;
    if (els.files.textContent !== files) els.files.textContent = files;
    els.g.classList.toggle('violating', n.violations > 0);
    els.g.classList.toggle('cycle', n.inCycle);
    const violations = n.violations > 0 ? `, ${n.violations} violation${n.violations === 1 ? '' : 's'}` : '';
    els.g.setAttribute('aria-label', `Module ${n.id}, ${fileText}${violations}${n.inCycle ? ', in a cycle' : ''}`);
  }

  private createEdge(e: GraphEdge): EdgeEls {
    const g = svg('g', { class: 'edge', 'data-from': e.from, 'data-to': e.to }, this.edgeLayer);
    const hit = svg('path', { class: 'hit' }, g);
    const line = svg('path', { class: 'line' }, g);
    const label = svgText('', { class: 'label', 'text-anchor': 'middle' }, g);
    this.elementOwner.set(g, { kind: 'edge', id: e.id });
    return { g, line, hit, label };
  }

  private updateEdge(els: EdgeEls, e: GraphEdge): void {
    const a = this.boxes.get(e.from);
    const b = this.boxes.get(e.to);
    if (!a || !b) return;
    const { d, mid } = edgePath(a, b);
    els.line.setAttribute('d', d);
    els.hit.setAttribute('d', d);
    els.line.setAttribute('stroke-width', edgeWidth(e.imports).toFixed(2));
    const kind = e.violations > 0 ? 'violation' : e.inCycle ? 'cycle' : e.imports === 0 ? 'unused' : 'plain';
    els.line.setAttribute('marker-end', `url(#arrow-${kind})`);
    els.g.setAttribute('class', ['edge', kind, e.declared ? '' : 'undeclared', els.g.classList.contains('hidden') ? 'hidden' : '', els.g.classList.contains('selected') ? 'selected' : ''].filter(Boolean).join(' '));
    if (e.inCycle && kind === 'violation') els.g.classList.add('in-cycle');
    els.label.textContent = e.violations > 0 ? `${e.violations} ✕` : '';
    els.label.setAttribute('x', mid.x.toFixed(1));
    els.label.setAttribute('y', (mid.y - 4).toFixed(1));
    const what = e.imports === 0 ? 'declared, unused' : `${e.imports} import${e.imports === 1 ? '' : 's'}${e.violations > 0 ? `, ${e.violations} violating` : ''}${e.inCycle ? ', in a cycle' : ''}`;
    els.g.setAttribute('aria-label', `${e.from} → ${e.to}: ${what}`);
  }

  /** DOM order = Tab order: columns left to right, top to bottom within a column. */
  private order(model: GraphModel): void {
    const ids = model.nodes.map((n) => n.id).sort((p, q) => {
      const a = this.boxes.get(p)!;
      const b = this.boxes.get(q)!;
      return a.x - b.x || a.y - b.y;
    });
    for (const id of ids) this.nodeLayer.appendChild(this.nodes.get(id)!.g);
  }

  private updateGroups(model: GraphModel): void {
    const members = new Map<string, Box[]>();
    for (const n of model.nodes) if (n.group !== undefined) (members.get(n.group) ?? members.set(n.group, []).get(n.group)!).push(this.boxes.get(n.id)!);
    sync(
      this.groups,
      usesPartitions(model) ? model.groups : [],
      (group) => ({ rect: svg('rect', { class: 'group', rx: 10, ry: 10 }, this.groupLayer), label: svgText(group.label, { class: 'group-label' }, this.groupLayer) }),
      (els, group) => {
        const box = boundsOf(members.get(group.id) ?? [], 14);
        if (!box) return;
        els.rect.setAttribute('x', String(box.x));
        els.rect.setAttribute('y', String(box.y - 14));
        els.rect.setAttribute('width', String(box.width));
        els.rect.setAttribute('height', String(box.height + 14));
        els.label.setAttribute('x', String(box.x + 10));
        els.label.setAttribute('y', String(box.y - 2));
      },
      (els) => {
        els.rect.remove();
        els.label.remove();
      },
    );
  }
}

/** Reconciles a keyed element map with a list of items. */
function sync<T extends { id: string }, E>(map: Map<string, E>, items: readonly T[], create: (item: T) => E, update: (els: E, item: T) => void, remove: (els: E) => void): void {
  const seen = new Set<string>();
  for (const item of items) {
    seen.add(item.id);
    let els = map.get(item.id);
    if (!els) {
      els = create(item);
      map.set(item.id, els);
    }
    update(els, item);
  }
  for (const [id, els] of map) {
    if (!seen.has(id)) {
      remove(els);
      map.delete(id);
    }
  }
}
