/**
 * What the dependency structure matrix shows, as plain data (unit-tested in Node): the modules the
 * filters keep, in the model's layered order, and one cell per dependency with imports. Row i,
 * column j holds the imports from module i to module j; lower layers come first, so a cell above
 * the diagonal is a dependency against the layering.
 */
import type { GraphEdge, GraphModel } from '../../protocol/graph-model';
import type { Visible } from './view-filter';

export interface MatrixCell {
  row: number;
  col: number;
  edge: GraphEdge;
  /** Above the diagonal: the module depends on one of a higher layer (or closes a cycle). */
  above: boolean;
}

export interface MatrixData {
  names: string[];
  /** Strongly connected groups still showing two or more modules, as runs of `names`. */
  blocks: { start: number; size: number }[];
  /** Indices of `names` where a new dependency level starts (never 0): the layers' boundaries. */
  levelStarts: number[];
  /** Cells of each row, by column. */
  rows: MatrixCell[][];
  /** Row indices of modules matching the search. */
  matches: Set<number>;
}

export function matrixData(model: GraphModel, visible: Visible): MatrixData {
  const order = model.layering?.order ?? model.nodes.map((n) => n.id);
  const names = order.filter((id) => visible.nodes.has(id));
  const index = new Map(names.map((n, i) => [n, i]));
  const rows: MatrixCell[][] = names.map(() => []);
  for (const edge of model.edges) {
    const row = index.get(edge.from);
    const col = index.get(edge.to);
    // A dependency removed since the compared ref has no imports left, and still gets its cell.
    if (row === undefined || col === undefined || (edge.imports === 0 && edge.change !== 'removed') || !visible.edges.has(edge.id)) continue;
    rows[row].push({ row, col, edge, above: col > row });
  }
  for (const cells of rows) cells.sort((a, b) => a.col - b.col);
  // Search matches are among the visible modules, so each has a row.
  return { names, blocks: visibleBlocks(model, index), levelStarts: levelStarts(model, names), rows, matches: new Set([...visible.matches].map((m) => index.get(m)!)) };
}

/**
 * The model's cycle groups among the modules shown. Filtering keeps the order, so what remains of
 * a group is still one run.
 */
function visibleBlocks(model: GraphModel, index: ReadonlyMap<string, number>): { start: number; size: number }[] {
  const blocks: { start: number; size: number }[] = [];
  for (const { start, size } of model.layering?.cycles ?? []) {
    const shown = model.layering!.order.slice(start, start + size).map((m) => index.get(m)).filter((i): i is number => i !== undefined);
    if (shown.length >= 2) blocks.push({ start: Math.min(...shown), size: shown.length });
  }
  return blocks;
}

function levelStarts(model: GraphModel, names: readonly string[]): number[] {
  const layering = model.layering;
  if (!layering) return [];
  const levelOf = new Map(layering.order.map((m, i) => [m, layering.level[i]]));
  return names.flatMap((m, i) => (i > 0 && levelOf.get(m) !== levelOf.get(names[i - 1]) ? [i] : []));
}

/** The cell at (row, col), if that pair has imports. */
export function cellAt(data: MatrixData, row: number, col: number): MatrixCell | undefined {
  const cells = data.rows[row];
  if (!cells) return undefined;
  let lo = 0;
  let hi = cells.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cells[mid].col === col) return cells[mid];
    if (cells[mid].col < col) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** The rows (or columns) at least partly inside a scrolled window, plus `overscan` either side. */
export function visibleRange(scroll: number, extent: number, cell: number, count: number, overscan = 2): { first: number; last: number } {
  const first = Math.max(0, Math.floor(scroll / cell) - overscan);
  const last = Math.min(count - 1, Math.ceil((scroll + extent) / cell) - 1 + overscan);
  return { first, last };
}

/** What a cell shows: its import count, "+" before it when new since the compared ref, "−" when removed. */
export function cellText(edge: Pick<GraphEdge, 'imports' | 'change'>): string {
  if (edge.change === 'removed') return '−';
  return edge.change === 'added' ? `+${cellLabel(edge.imports)}` : cellLabel(edge.imports);
}

/** Import counts as cells show them: at most four characters. */
export function cellLabel(imports: number): string {
  if (imports < 1000) return String(imports);
  if (imports < 10_000) return `${(imports / 1000).toFixed(1).replace(/\.0$/, '')}k`;
  return imports < 1_000_000 ? `${Math.round(imports / 1000)}k` : `${Math.round(imports / 1_000_000)}M`;
}

/** How a cell reads aloud and on hover. */
export function describeCell(data: MatrixData, row: number, col: number): string {
  const from = data.names[row];
  const to = data.names[col];
  if (row === col) return `${from}: the module itself`;
  const cell = cellAt(data, row, col);
  if (!cell) return `${from} → ${to}: no imports`;
  const { imports, violations, declared, inCycle, change } = cell.edge;
  if (change === 'removed') return `${from} → ${to}: removed since the compared ref`;
  const parts = [`${imports} import${imports === 1 ? '' : 's'}`];
  if (violations > 0) parts.push(`${violations} violating`);
  if (!declared) parts.push('undeclared');
  if (cell.above) parts.push('against the layering');
  if (inCycle) parts.push('in a cycle');
  if (change === 'added') parts.push('new since the compared ref');
  return `${from} → ${to}: ${parts.join(', ')}`;
}

/** A header that fits `max` characters: long names keep their end, which tells nested modules apart. */
export function shorten(name: string, max: number): string {
  return name.length <= max ? name : `…${name.slice(name.length - (max - 1))}`;
}
