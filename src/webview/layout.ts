/** Runs ELK (bundled, in the page's own thread: no worker, so no extra CSP source). */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { GraphModel } from '../protocol/graph-model';
import type { Box } from './logic/geometry';
import { elkInput } from './logic/layout-input';

const elk = new ELK();

export async function runLayout(model: GraphModel, previous?: ReadonlyMap<string, Box>): Promise<Map<string, Box>> {
  const laid = await elk.layout(elkInput(model, previous));
  const boxes = new Map<string, Box>();
  for (const c of laid.children ?? []) boxes.set(c.id, { x: c.x ?? 0, y: c.y ?? 0, width: c.width ?? 0, height: c.height ?? 0 });
  return boxes;
}
