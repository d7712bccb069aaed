/**
 * Where each edge's count goes. At its curve's middle, edges converging on one box put their
 * labels on top of each other ("1162", "12", "14 75" over medusa's packages/core); so each label
 * takes the first spot along its curve (middle first, then alternately towards either end) that
 * overlaps no label placed before it and no box. Violating and heavier edges choose first. Pure.
 */
import { textWidth, type Box } from './geometry';

export interface Point {
  x: number;
  y: number;
}

export interface EdgeLabel {
  key: string;
  text: string;
  /** Placed first: violating edges, then by import count. */
  priority: number;
  /** The curve's point at `t` in [0, 1]; `t` = 0.5 is where the label went before. */
  at(t: number): Point;
}

/** Along the curve, middle first; the ends are left out (the arrowhead and the box edge are there). */
const SPOTS = [0.5, 0.38, 0.62, 0.28, 0.72, 0.2, 0.8];
/** 11px bold text, drawn 4px above the point (graph.css `.edge .label`). */
const HEIGHT = 13;
const LIFT = 4;
/** Room kept around each label, so "14" and "75" of two edges do not read as "14 75". */
const GAP = { x: 8, y: 2 };

/** The anchor point (text centre, baseline) of each label. */
export function placeEdgeLabels(labels: readonly EdgeLabel[], boxes: readonly Box[]): Map<string, Point> {
  const placed: Box[] = [];
  const out = new Map<string, Point>();
  for (const label of [...labels].sort((a, b) => b.priority - a.priority || (a.key < b.key ? -1 : 1))) {
    const width = textWidth(label.text, 11, 700) + 4 + 2 * GAP.x;
    const boxAt = (p: Point): Box => ({ x: p.x - width / 2, y: p.y - LIFT - HEIGHT + 2 - GAP.y, width, height: HEIGHT + 2 * GAP.y });
    let best: { p: Point; overlaps: number } | undefined;
    for (const t of SPOTS) {
      const p = label.at(t);
      const box = boxAt(p);
      const overlaps = placed.filter((q) => overlap(box, q)).length * 2 + boxes.filter((q) => overlap(box, q)).length;
      if (!best || overlaps < best.overlaps) best = { p, overlaps };
      if (overlaps === 0) break;
    }
    out.set(label.key, best!.p);
    placed.push(boxAt(best!.p));
  }
  return out;
}

function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
