/** Runs ELK (in the page's own thread: no worker, so no extra CSP source). */
import type { ElkNode } from 'elkjs/lib/elk.bundled.js';
import type { Box } from './logic/geometry';
import { elkInput, type Direction } from './logic/layout-input';
import type { Overview } from './logic/overview';

/** What the app needs of ELK: one call. */
export interface LayoutEngine {
  layout(graph: ElkNode): Promise<ElkNode>;
}

/**
 * Where ELK comes from: the panel's second script (layout-engine-script.ts), or unpacked from the
 * HTML export on first use (layout-engine-packed.ts). Called once, when the graph view
 * first needs a layout: the layers and matrix views never do.
 */
export type LoadLayoutEngine = () => Promise<LayoutEngine>;

/** Boxes of every drawn box and frame, by key, in the drawing's coordinates (ELK's are relative to the parent). */
export async function runLayout(elk: LayoutEngine, overview: Overview, direction: Direction, previous?: ReadonlyMap<string, Box>): Promise<Map<string, Box>> {
  const laid = await elk.layout(elkInput(overview, direction, previous));
  const boxes = new Map<string, Box>();
  const walk = (nodes: ElkNode[] | undefined, dx: number, dy: number) => {
    for (const c of nodes ?? []) {
      const box = { x: dx + (c.x ?? 0), y: dy + (c.y ?? 0), width: c.width ?? 0, height: c.height ?? 0 };
      boxes.set(c.id, box);
      walk(c.children, box.x, box.y);
    }
  };
  walk(laid.children, 0, 0);
  return boxes;
}
