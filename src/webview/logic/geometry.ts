/** Node sizes and edge paths: plain arithmetic, shared by layout, drawing and export. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The width in px of `text` at a font size and weight, in the view's font. */
export type TextMeasure = (text: string, px: number, weight: number) => number;

/** Without a browser (tests, the bench): an average advance per character. */
const estimate: TextMeasure = (text, px, weight) => text.length * px * (weight >= 700 ? 0.5625 : 0.6);
let measure: TextMeasure = estimate;

/**
 * The webview measures with a canvas in the font it draws with (system fonts are wider than any
 * average: a 30-character bold group name overflowed its box by a word on Linux).
 */
export function setTextMeasure(m: TextMeasure | undefined): void {
  measure = m ?? estimate;
}

export function textWidth(text: string, px: number, weight: number): number {
  return measure(text, px, weight);
}

/** The widest a box grows before its label is shortened. */
export const MAX_NODE_WIDTH = 320;
export const MAX_GROUP_WIDTH = 360;
const NODE_PAD = 24;
const GROUP_PAD = 36;

/** Wide enough for the name; taller for bigger modules (log scale, so a 2,000-file module still fits). */
export function nodeSize(name: string, fileCount: number, second = ''): { width: number; height: number } {
  // The second line ("123 files · 45 ✕") needs about 100px.
  const width = Math.max(110, Math.min(MAX_NODE_WIDTH, Math.round(Math.max(textWidth(name, 12, 600), textWidth(second, 10, 400)) + NODE_PAD)));
  const height = Math.round(40 + Math.min(24, Math.log2(fileCount + 1) * 3));
  return { width, height };
}

/**
 * A collapsed group: larger type than a module's (it is what the overview is read by) and room
 * for a second line ("12 modules · 340 files").
 */
export function groupSize(label: string, second = ''): { width: number; height: number } {
  return { width: Math.max(150, Math.min(MAX_GROUP_WIDTH, Math.round(Math.max(textWidth(label, 16, 700), textWidth(second, 12, 400)) + GROUP_PAD))), height: 56 };
}

/**
 * A label that fits `room` px: the whole name, or its end after an ellipsis (the end of a path
 * is what tells modules apart), as the matrix headers shorten.
 */
export function fittedLabel(label: string, px: number, weight: number, room: number): string {
  if (textWidth(label, px, weight) <= room) return label;
  let keep = label.length - 1;
  while (keep > 1 && textWidth(`…${label.slice(label.length - keep)}`, px, weight) > room) keep--;
  return `…${label.slice(label.length - keep)}`;
}

/** What the drawing writes into a module's and a group's box. */
export const nodeLabel = (name: string): string => fittedLabel(name, 12, 600, MAX_NODE_WIDTH - NODE_PAD);
export const groupLabel = (label: string): string => fittedLabel(label, 16, 700, MAX_GROUP_WIDTH - GROUP_PAD);

/** Stroke width from the import count: 1 import = 1px, 1,000 imports ≈ 6px. */
export function edgeWidth(imports: number): number {
  return imports === 0 ? 1 : Math.min(6, 1 + Math.log10(imports) * 1.7);
}

/**
 * A cubic curve from `a` to `b`. Forward edges (target to the right) run side to side; others
 * (cycles, same column) arc below both boxes so they never hide behind one.
 */
export function edgePath(a: Box, b: Box): EdgePath {
  const { d, mid, points } = edgeCurve(a, b);
  const [p0, p1, p2, p3] = points;
  // The cubic Bézier the path draws, for placing labels along it (0.5 is `mid` only for the forward curve).
  const at = (t: number) => (t === 0.5 ? mid : { x: cubic(p0.x, p1.x, p2.x, p3.x, t), y: cubic(p0.y, p1.y, p2.y, p3.y, t) });
  return { d, mid, at };
}

/** A box holding the curve drawn between `a` and `b`: a Bézier stays inside its control points, and loops reach beyond both boxes. */
export function edgeBounds(a: Box, b: Box): Box {
  const { points } = edgeCurve(a, b);
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
}

/** The box an edge label's text takes, centred on `x` above `y` (its drawn baseline is `y - 4`): for bounds, not for layout. */
export function labelBounds(text: string, at: { x: number; y: number }): Box {
  const width = text.length * 7 + 4;
  return { x: at.x - width / 2, y: at.y - 18, width, height: 18 };
}

export interface EdgePath {
  d: string;
  mid: { x: number; y: number };
  at(t: number): { x: number; y: number };
}

const cubic = (a: number, b: number, c: number, d: number, t: number): number => {
  const u = 1 - t;
  return u * u * u * a + 3 * u * u * t * b + 3 * u * t * t * c + t * t * t * d;
};

type P = { x: number; y: number };

function edgeCurve(a: Box, b: Box): { d: string; mid: P; points: [P, P, P, P] } {
  if (b.x >= a.x + a.width) {
    const x1 = a.x + a.width;
    const y1 = a.y + a.height / 2;
    const x2 = b.x;
    const y2 = b.y + b.height / 2;
    const dx = Math.max(20, (x2 - x1) / 2);
    return { d: `M${r(x1)},${r(y1)} C${r(x1 + dx)},${r(y1)} ${r(x2 - dx)},${r(y2)} ${r(x2)},${r(y2)}`, mid: { x: (x1 + x2) / 2, y: (y1 + y2) / 2 }, points: [{ x: x1, y: y1 }, { x: x1 + dx, y: y1 }, { x: x2 - dx, y: y2 }, { x: x2, y: y2 }] };
  }
  if (a.x >= b.x + b.width) {
    const x1 = a.x;
    const y1 = a.y + a.height * 0.7;
    const x2 = b.x + b.width;
    const y2 = b.y + b.height * 0.7;
    const dip = 30 + Math.abs(x1 - x2) * 0.15;
    const low = Math.max(y1, y2) + dip;
    return { d: `M${r(x1)},${r(y1)} C${r(x1 - 30)},${r(low)} ${r(x2 + 30)},${r(low)} ${r(x2)},${r(y2)}`, mid: { x: (x1 + x2) / 2, y: low - dip / 4 }, points: [{ x: x1, y: y1 }, { x: x1 - 30, y: low }, { x: x2 + 30, y: low }, { x: x2, y: y2 }] };
  }
  // Same column: leave from the side, loop out to the right.
  const x1 = a.x + a.width;
  const y1 = a.y + a.height / 2;
  const x2 = b.x + b.width;
  const y2 = b.y + b.height / 2;
  const out = Math.max(x1, x2) + 40 + Math.abs(y1 - y2) * 0.1;
  return { d: `M${r(x1)},${r(y1)} C${r(out)},${r(y1)} ${r(out)},${r(y2)} ${r(x2)},${r(y2)}`, mid: { x: out - 10, y: (y1 + y2) / 2 }, points: [{ x: x1, y: y1 }, { x: out, y: y1 }, { x: out, y: y2 }, { x: x2, y: y2 }] };
}

/** The smallest box holding all of `boxes`, grown by `pad`. */
export function boundsOf(boxes: Iterable<Box>, pad = 0): Box | undefined {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const b of boxes) {
    minX = Math.min(minX, b.x);
    minY = Math.min(minY, b.y);
    maxX = Math.max(maxX, b.x + b.width);
    maxY = Math.max(maxY, b.y + b.height);
  }
  if (minX === Infinity) return undefined;
  return { x: minX - pad, y: minY - pad, width: maxX - minX + 2 * pad, height: maxY - minY + 2 * pad };
}

const r = (n: number): number => Math.round(n * 10) / 10;
