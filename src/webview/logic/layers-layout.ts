/**
 * The layers view as plain data (unit-tested in Node): modules in rows by dependency level (the
 * model's layering, the condensation in topological order), the highest level on top so every
 * dependency between levels points down. Needs no layout engine: rows are packed here.
 *
 * What is drawn per level is made of units: each cycle (strongly connected group) is one unit,
 * kept side by side and outlined; the other modules form one unit per map group. A unit is drawn
 * open (its modules) or collapsed (one box); while the fitted drawing would make labels smaller
 * than the legible size, the largest open unit collapses, so 500 modules still read at Fit.
 */
import type { GraphEdge, GraphModel, GraphNode } from '../../protocol/graph-model';
import { textWidth, type Box, type EdgePath } from './geometry';
import { shorten } from './matrix-data';
import type { Visible } from './view-filter';

/** Sizes in drawing units (= px at zoom 1); the 12 px is the module label's font in graph.css. */
export const LAYER_SIZES = { row: 26, font: 12, gapX: 10, gapY: 8, levelGap: 34, margin: 52, framePad: 5, fitPad: 20 };

/** Unit keys share the drawing's namespace with module names, which cannot contain NUL. */
export const UNIT_KEY = '\u0000';

export interface LayerUnit {
  /** `<level>:cycle:<first module>` or `<level>:group:<group id>` (empty id: modules without a group). */
  id: string;
  level: number;
  /** The map group, or undefined for a cycle and for modules without one. */
  group?: string;
  cycle: boolean;
  modules: GraphNode[];
}

export interface LayerItem {
  /** The module name, or UNIT_KEY + unit id for a collapsed unit or an opened unit's head. */
  key: string;
  /** module; unit: a collapsed unit (click opens); head: the first box of a unit the user opened (click closes). */
  kind: 'module' | 'unit' | 'head';
  id: string;
  label: string;
  level: number;
  box: Box;
  module?: GraphNode;
  unit?: LayerUnit;
}

/** An outline around an open cycle's modules. */
export interface LayerFrame {
  key: string;
  unit: LayerUnit;
  box: Box;
}

export interface LayerBand {
  level: number;
  box: Box;
}

/**
 * How an edge sits against the layering: down (the normal direction), cycle (between modules of
 * one cycle), cut (a cycle step the cycle rule's minimal cut removes), up (to a higher level).
 */
export type LayerEdgeKind = 'down' | 'cycle' | 'cut' | 'up';

export interface LayerEdge {
  /** The model's edge id when both ends are modules, else the two drawn keys joined by NUL. */
  key: string;
  from: string;
  to: string;
  imports: number;
  violations: number;
  declared: boolean;
  inCycle: boolean;
  kind: LayerEdgeKind;
  /** Member dependencies the cycle cut removes. */
  cuts: number;
  members: GraphEdge[];
}

export interface LayersLayout {
  items: LayerItem[];
  frames: LayerFrame[];
  bands: LayerBand[];
  edges: LayerEdge[];
  /** The drawing's extent (from 0,0). */
  width: number;
  height: number;
  /** The zoom Fit gives it in the canvas it was laid out for (at most 1.5, as the graph's Fit). */
  fitScale: number;
  /** Units drawn as one box. */
  collapsed: Set<string>;
}

export interface LayersOptions {
  /** The canvas in px. */
  width: number;
  height: number;
  /** Units the user opened (true) or closed (false); the rest follow the legibility rule. */
  toggles: ReadonlyMap<string, boolean>;
  /** The smallest label size on screen at Fit, in px. */
  legiblePx: number;
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function layersLayout(model: GraphModel, visible: Visible, options: LayersOptions): LayersLayout {
  const units = layerUnits(model, visible);
  const collapsed = new Set([...options.toggles].filter(([, open]) => !open).map(([id]) => id).filter((id) => units.some((u) => u.id === id)));
  // Rows wrap at most at the width the canvas has at the legible zoom; narrower wraps are tried
  // too (more sub-rows, larger Fit when the levels are few). The height decides what collapses.
  const minScale = options.legiblePx / LAYER_SIZES.font;
  const widest = Math.max(300, options.width / minScale - 2 * LAYER_SIZES.fitPad);
  const pad = 2 * LAYER_SIZES.fitPad;
  const scaleOf = (p: { width: number; height: number }) => (options.width > 0 && options.height > 0 ? Math.min(1.5, options.width / (p.width + pad), options.height / (p.height + pad)) : 1);
  for (;;) {
    let placed = place(units, collapsed, options.toggles, widest);
    let fitScale = scaleOf(placed);
    for (const share of [0.8, 0.65, 0.5]) {
      const narrower = place(units, collapsed, options.toggles, Math.max(300, widest * share));
      if (scaleOf(narrower) > fitScale) [placed, fitScale] = [narrower, scaleOf(narrower)];
    }
    const candidates = units.filter((u) => u.modules.length > 1 && !collapsed.has(u.id) && options.toggles.get(u.id) !== true);
    if (fitScale >= minScale || candidates.length === 0) {
      return { ...placed, edges: layerEdges(model, visible, units, collapsed), fitScale, collapsed };
    }
    // The largest open unit collapses first (ties: the higher level, then by id): it frees the most
    // room. Cycles last: their red steps and cut are what this view is for.
    candidates.sort((a, b) => Number(a.cycle) - Number(b.cycle) || b.modules.length - a.modules.length || b.level - a.level || byName(a.id, b.id));
    collapsed.add(candidates[0].id);
  }
}

/** The units of each level, in drawing order: map groups in their order, cycles before plain modules of a group. */
export function layerUnits(model: GraphModel, visible: Visible): LayerUnit[] {
  const layering = model.layering;
  const order = layering?.order ?? model.nodes.map((n) => n.id);
  const levelOf = new Map(order.map((m, i) => [m, layering?.level[i] ?? 0]));
  const cycleOf = new Map<string, string>();
  for (const { start, size } of layering?.cycles ?? []) {
    const members = order.slice(start, start + size);
    for (const m of members) cycleOf.set(m, members[0]);
  }
  const position = new Map(order.map((m, i) => [m, i]));
  const groupOrder = new Map(model.groups.map((g) => [g.id, g.order]));
  const units = new Map<string, LayerUnit>();
  for (const node of model.nodes) {
    if (!visible.nodes.has(node.id)) continue;
    const level = levelOf.get(node.id) ?? 0;
    const cycle = cycleOf.get(node.id);
    const id = cycle !== undefined ? `${level}:cycle:${cycle}` : `${level}:group:${node.group ?? ''}`;
    let unit = units.get(id);
    if (!unit) units.set(id, (unit = { id, level, group: cycle === undefined ? node.group : undefined, cycle: cycle !== undefined, modules: [] }));
    unit.modules.push(node);
  }
  const rank = (u: LayerUnit): number => {
    const g = u.group ?? u.modules[0].group;
    return g === undefined ? Infinity : (groupOrder.get(g) ?? Infinity);
  };
  for (const u of units.values()) {
    // A cycle keeps the layering's order inside it (only its cut steps point right); others by name.
    u.modules.sort(u.cycle ? (a, b) => position.get(a.id)! - position.get(b.id)! : (a, b) => byName(a.id, b.id));
  }
  return [...units.values()].sort((a, b) => b.level - a.level || rank(a) - rank(b) || Number(b.cycle) - Number(a.cycle) || byName(a.id, b.id));
}

/** A collapsed unit's label: its group (or "cycle"), and how many modules it stands for. */
export function unitLabel(unit: LayerUnit): string {
  const what = unit.cycle ? `cycle of ${unit.modules.length}` : unit.group !== undefined ? unit.group : 'other modules';
  return `${what} (${unit.modules.length})`;
}

/** Wide enough for the label the box shows (bold 12 px; at most 34 characters, see boxLabel). */
export function boxWidth(label: string): number {
  return Math.round(Math.max(60, textWidth(boxLabel(label), LAYER_SIZES.font, 700) + 24));
}

/** Labels longer than a box holds keep their end, like the matrix headers. */
export const boxLabel = (name: string): string => shorten(name, 34);

function place(units: readonly LayerUnit[], collapsed: ReadonlySet<string>, toggles: ReadonlyMap<string, boolean>, wrap: number): Omit<LayersLayout, 'edges' | 'fitScale' | 'collapsed'> {
  const { row, gapX, gapY, levelGap, margin, framePad } = LAYER_SIZES;
  const items: LayerItem[] = [];
  const frames: LayerFrame[] = [];
  const bands: LayerBand[] = [];
  let y = levelGap / 2;
  let width = 0;
  const levels = [...new Set(units.map((u) => u.level))];
  for (const level of levels) {
    const top = y;
    let x = margin;
    let rowY = y;
    const newRow = () => {
      x = margin;
      rowY += row + gapY;
    };
    // Boxes flow left to right and wrap; an open cycle keeps its boxes together inside its frame.
    for (const unit of units.filter((u) => u.level === level)) {
      const boxes: { item: Omit<LayerItem, 'box'>; width: number }[] = [];
      if (collapsed.has(unit.id)) {
        const label = unitLabel(unit);
        boxes.push({ item: { key: UNIT_KEY + unit.id, kind: 'unit', id: unit.id, label, level, unit }, width: boxWidth(label) });
      } else {
        if (toggles.get(unit.id) === true && unit.modules.length > 1) {
          const label = `▾ ${unitLabel(unit)}`;
          boxes.push({ item: { key: UNIT_KEY + unit.id, kind: 'head', id: unit.id, label, level, unit }, width: boxWidth(label) });
        }
        for (const m of unit.modules) boxes.push({ item: { key: m.id, kind: 'module', id: m.id, label: boxLabel(m.id), level, module: m }, width: boxWidth(m.id) });
      }
      const framed = unit.cycle && !collapsed.has(unit.id);
      const pad = framed ? framePad : 0;
      const total = boxes.reduce((n, b) => n + b.width + gapX, -gapX) + 2 * pad;
      // A unit that does not fit the rest of the row starts a new one (and then wraps inside).
      if (x > margin && x + total > wrap) newRow();
      const first = { x, y: rowY };
      let right = x;
      let widestRow = x;
      x += pad;
      for (const b of boxes) {
        if (x > margin + pad && x + b.width + pad > wrap) {
          newRow();
          x += pad;
        }
        items.push({ ...b.item, box: { x, y: rowY, width: b.width, height: row } });
        x += b.width + gapX;
        right = Math.max(right, x - gapX + pad);
        widestRow = Math.max(widestRow, x - gapX);
      }
      if (framed) {
        const box = first.y === rowY ? { x: first.x - pad, y: rowY - pad, width: right - first.x + 2 * pad, height: row + 2 * pad } : { x: margin - pad, y: first.y - pad, width: widestRow - margin + 2 * pad, height: rowY - first.y + row + 2 * pad };
        frames.push({ key: UNIT_KEY + unit.id, unit, box });
        x += pad;
      }
      width = Math.max(width, right);
    }
    y = rowY + row;
    bands.push({ level, box: { x: 0, y: top - levelGap / 2 + 4, width: 0, height: y - top + levelGap - 8 } });
    y += levelGap;
  }
  width = Math.max(width, margin + 100) + gapX;
  for (const b of bands) b.box.width = width;
  return { items, frames, bands, width, height: y - levelGap / 2 };
}

/** Dependencies with imports between what is drawn, summed where an end is a collapsed unit. */
function layerEdges(model: GraphModel, visible: Visible, units: readonly LayerUnit[], collapsed: ReadonlySet<string>): LayerEdge[] {
  const drawnKey = new Map<string, string>();
  const levelOf = new Map<string, number>();
  const cycleOf = new Map<string, string>();
  for (const u of units) {
    for (const m of u.modules) {
      drawnKey.set(m.id, collapsed.has(u.id) ? UNIT_KEY + u.id : m.id);
      levelOf.set(m.id, u.level);
      if (u.cycle) cycleOf.set(m.id, u.id);
    }
  }
  const cut = new Set(model.layering?.cut ?? []);
  const edges = new Map<string, LayerEdge>();
  for (const e of model.edges) {
    if (e.imports === 0 || !visible.edges.has(e.id)) continue;
    const from = drawnKey.get(e.from);
    const to = drawnKey.get(e.to);
    if (from === undefined || to === undefined || from === to) continue;
    const sameCycle = cycleOf.get(e.from) !== undefined && cycleOf.get(e.from) === cycleOf.get(e.to);
    const kind: LayerEdgeKind = sameCycle ? (cut.has(e.id) ? 'cut' : 'cycle') : levelOf.get(e.to)! < levelOf.get(e.from)! ? 'down' : 'up';
    const key = from === e.from && to === e.to ? e.id : `${from}\u0000${to}`;
    let edge = edges.get(key);
    if (!edge) edges.set(key, (edge = { key, from, to, imports: 0, violations: 0, declared: true, inCycle: false, kind: 'down', cuts: 0, members: [] }));
    edge.imports += e.imports;
    edge.violations += e.violations;
    edge.declared &&= e.declared;
    edge.inCycle ||= e.inCycle;
    if (kind === 'cut') edge.cuts++;
    edge.kind = worse(edge.kind, kind);
    edge.members.push(e);
  }
  return [...edges.values()];
}

const SEVERITY: Record<LayerEdgeKind, number> = { down: 0, cycle: 1, cut: 2, up: 3 };
const worse = (a: LayerEdgeKind, b: LayerEdgeKind): LayerEdgeKind => (SEVERITY[b] > SEVERITY[a] ? b : a);

/** Red: an edge against the layering or inside a cycle. */
export const againstLayering = (kind: LayerEdgeKind): boolean => kind !== 'down';

/**
 * Paths of the edges: down from the bottom of the upper box to the top of the lower one (up the
 * other way round); between boxes of one row an arc, over them when it points right (a cycle's cut
 * steps do: the layering puts them forward) and under them when it points left. Each box spreads
 * the ends on a side by where the other end is, so a module's edges do not leave from one point.
 */
export function layerEdgePaths(edges: readonly LayerEdge[], boxes: ReadonlyMap<string, Box>): Map<string, EdgePath> {
  type End = { edge: string; other: number; at: 'start' | 'end' };
  const sides = new Map<string, End[]>();
  const add = (key: string, side: 'top' | 'bottom', end: End) => {
    const k = `${key}\u0001${side}`;
    (sides.get(k) ?? sides.set(k, []).get(k)!).push(end);
  };
  const centre = (b: Box) => b.x + b.width / 2;
  const shape = new Map<string, { a: Box; b: Box; sameRow: boolean; over: boolean; down: boolean }>();
  for (const e of edges) {
    const a = boxes.get(e.from);
    const b = boxes.get(e.to);
    if (!a || !b) continue;
    const sameRow = Math.abs(a.y - b.y) < 1;
    const over = centre(b) > centre(a);
    const down = b.y > a.y;
    shape.set(e.key, { a, b, sameRow, over, down });
    const fromSide = sameRow ? (over ? 'top' : 'bottom') : down ? 'bottom' : 'top';
    const toSide = sameRow ? fromSide : down ? 'top' : 'bottom';
    add(e.from, fromSide, { edge: e.key, other: centre(b), at: 'start' });
    add(e.to, toSide, { edge: e.key, other: centre(a), at: 'end' });
  }
  const port = new Map<string, number>();
  for (const [k, ends] of sides) {
    const box = boxes.get(k.slice(0, k.indexOf('\u0001')))!;
    ends.sort((p, q) => p.other - q.other || (p.edge < q.edge ? -1 : 1));
    ends.forEach((end, i) => port.set(`${end.edge}\u0001${end.at}`, box.x + (box.width * (i + 1)) / (ends.length + 1)));
  }
  const paths = new Map<string, EdgePath>();
  for (const [key, { a, b, sameRow, over, down }] of shape) {
    const x1 = port.get(`${key}\u0001start`)!;
    const x2 = port.get(`${key}\u0001end`)!;
    if (sameRow) {
      const lift = (14 + Math.min(40, Math.abs(x1 - x2) * 0.12)) * (over ? -1 : 1);
      const y = over ? a.y : a.y + a.height;
      const c = y + lift;
      paths.set(key, curve(`M${r(x1)},${r(y)} C${r(x1)},${r(c)} ${r(x2)},${r(c)} ${r(x2)},${r(y)}`, { x: (x1 + x2) / 2, y: y + (lift * 3) / 4 + (over ? 0 : 10) }, [x1, y, x1, c, x2, c, x2, y]));
      continue;
    }
    const y1 = down ? a.y + a.height : a.y;
    const y2 = down ? b.y : b.y + b.height;
    const dy = (y2 - y1) / 2;
    paths.set(key, curve(`M${r(x1)},${r(y1)} C${r(x1)},${r(y1 + dy)} ${r(x2)},${r(y2 - dy)} ${r(x2)},${r(y2)}`, { x: (x1 + x2) / 2, y: (y1 + y2) / 2 }, [x1, y1, x1, y1 + dy, x2, y2 - dy, x2, y2]));
  }
  return paths;
}

const r = (n: number): number => Math.round(n * 10) / 10;

/** A drawn cubic and where along it a label may go (`mid` at 0.5, as before labels were spread). */
function curve(d: string, mid: { x: number; y: number }, [x0, y0, x1, y1, x2, y2, x3, y3]: number[]): EdgePath {
  const at = (t: number) => {
    if (t === 0.5) return mid;
    const u = 1 - t;
    const w = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
    return { x: w[0] * x0 + w[1] * x1 + w[2] * x2 + w[3] * x3, y: w[0] * y0 + w[1] * y1 + w[2] * y2 + w[3] * y3 };
  };
  return { d, mid, at };
}
