/**
 * The dependency structure matrix. Virtualised: only the rows and columns inside the scrolled
 * window have elements, so 500 modules (250,000 cells) cost what a screenful does. The headers
 * stick with CSS `position: sticky` (the compositor moves them, no scroll handler lag) and every
 * size is an SVG attribute: the CSP forbids inline style attributes.
 */
import { edgeId } from '../../protocol/graph-model';
import { cellAt, cellText, describeCell, shorten, visibleRange, type MatrixData } from '../logic/matrix-data';
import { html, svg, svgText } from './svg';

export const CELL = 26;
/** Must match the grid template in graph.css. */
export const ROW_HEADER = 240;
export const COL_HEADER = 170;

export interface MatrixEvents {
  node(id: string): void;
  edge(id: string): void;
  background(): void;
}

export class MatrixView {
  readonly root: HTMLElement;
  private readonly info: HTMLElement;
  private readonly cols: SVGSVGElement;
  private readonly rows: SVGSVGElement;
  private readonly cells: SVGSVGElement;
  private readonly grid: SVGRectElement;
  private readonly content: SVGGElement;
  private readonly marks: { row: SVGRectElement; col: SVGRectElement; focus: SVGRectElement };
  private data: MatrixData = { names: [], blocks: [], levelStarts: [], rows: [], matches: new Set() };
  private focus = { row: 0, col: 0 };
  private hover?: { row: number; col: number };
  private selection: { node?: string; edge?: string } = {};
  private frame = 0;
  /** How long the last render took (window.bulkheadGraph.timings reads it). */
  lastRenderMs = 0;

  constructor(parent: HTMLElement, private readonly events: MatrixEvents) {
    this.root = html('div', {
      className: 'matrix',
      attrs: {
        tabindex: '0',
        role: 'application',
        'aria-roledescription': 'dependency matrix',
        'aria-label': 'Dependency matrix: each row imports from the columns. Arrow keys move between cells, Enter shows the import sites.',
      },
    }, parent);
    this.root.hidden = true;
    const layout = html('div', { className: 'matrix-grid' }, this.root);
    const corner = html('div', { className: 'matrix-corner' }, layout);
    html('p', { className: 'legend', text: 'Row imports column. Lower layers first: cells above the diagonal go against the layering; outlined blocks are cycles.' }, corner);
    this.info = html('p', { className: 'matrix-info', attrs: { role: 'status', 'aria-live': 'polite' } }, corner);
    this.cols = svg('svg', { class: 'matrix-cols', height: COL_HEADER }, layout);
    this.rows = svg('svg', { class: 'matrix-rows', width: ROW_HEADER }, layout);
    this.cells = svg('svg', { class: 'matrix-cells' }, layout);
    const pattern = svg('pattern', { id: 'matrix-grid', width: CELL, height: CELL, patternUnits: 'userSpaceOnUse' }, svg('defs', {}, this.cells));
    svg('path', { d: `M${CELL},0 V${CELL} H0`, class: 'grid-line' }, pattern);
    this.grid = svg('rect', { class: 'grid', x: 0, y: 0, fill: 'url(#matrix-grid)' }, this.cells);
    // The crosshair tints behind the cells; the focus outline goes over them.
    const row = svg('rect', { class: 'crosshair', x: 0, height: CELL }, this.cells);
    const col = svg('rect', { class: 'crosshair', y: 0, width: CELL }, this.cells);
    this.content = svg('g', { class: 'content' }, this.cells);
    this.marks = { row, col, focus: svg('rect', { class: 'focus-cell', width: CELL, height: CELL }, this.cells) };
    this.root.addEventListener('scroll', () => this.schedule());
    this.cells.addEventListener('pointermove', (e) => this.setHover(this.cellAtPoint(e)));
    this.cells.addEventListener('pointerleave', () => this.setHover(undefined));
    this.cells.addEventListener('click', (e) => {
      const at = this.cellAtPoint(e);
      if (at) this.activate(at.row, at.col);
    });
    for (const headers of [this.rows, this.cols]) {
      headers.addEventListener('click', (e) => {
        const module = (e.target as Element).closest('[data-module]')?.getAttribute('data-module');
        if (module) this.events.node(module);
      });
    }
    this.root.addEventListener('keydown', (e) => this.onKey(e));
    // The focused cell's crosshair shows only while the matrix has the keyboard.
    this.root.addEventListener('focus', () => this.renderMarks());
    this.root.addEventListener('blur', () => this.renderMarks());
  }

  get shown(): boolean {
    return !this.root.hidden;
  }

  show(on: boolean): void {
    this.root.hidden = !on;
    if (on) this.render();
  }

  update(data: MatrixData): void {
    this.data = data;
    const n = data.names.length;
    this.focus = { row: Math.min(this.focus.row, Math.max(0, n - 1)), col: Math.min(this.focus.col, Math.max(0, n - 1)) };
    this.hover = undefined;
    this.cols.setAttribute('width', String(n * CELL));
    this.rows.setAttribute('height', String(n * CELL));
    this.cells.setAttribute('width', String(n * CELL));
    this.cells.setAttribute('height', String(n * CELL));
    this.grid.setAttribute('width', String(n * CELL));
    this.grid.setAttribute('height', String(n * CELL));
    this.marks.row.setAttribute('width', String(n * CELL));
    this.marks.col.setAttribute('height', String(n * CELL));
    this.render();
  }

  select(selection: { node?: string; edge?: string }): void {
    this.selection = selection;
    this.render();
  }

  /** Puts a module's diagonal cell in view and focus (search, the details panel). */
  reveal(module: string): void {
    const i = this.data.names.indexOf(module);
    if (i < 0) return;
    this.moveFocus(i, i);
    this.root.focus({ preventScroll: true });
  }

  /** Number of elements the matrix consists of right now. */
  elementCount(): number {
    return this.root.getElementsByTagName('*').length;
  }

  private schedule(): void {
    if (this.frame !== 0) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  /** Draws the window the scroll position shows; everything outside it has no element. */
  render(): void {
    if (this.root.hidden) return;
    const started = performance.now();
    const { names } = this.data;
    const rows = visibleRange(this.root.scrollTop, this.root.clientHeight - COL_HEADER, CELL, names.length);
    const cols = visibleRange(this.root.scrollLeft, this.root.clientWidth - ROW_HEADER, CELL, names.length);
    this.renderHeaders(rows, cols);
    this.renderCells(rows, cols);
    this.renderMarks();
    this.lastRenderMs = performance.now() - started;
  }

  private renderHeaders(rows: { first: number; last: number }, cols: { first: number; last: number }): void {
    const selected = this.selectedIndices();
    const rowHeads: Element[] = [];
    for (let i = rows.first; i <= rows.last; i++) {
      const g = this.header(i, 'row', selected);
      svg('rect', { x: 0, y: i * CELL, width: ROW_HEADER, height: CELL }, g);
      svgText(String(i + 1), { class: 'index', x: 34, y: i * CELL + 17, 'text-anchor': 'end' }, g);
      svgText(shorten(this.data.names[i], 30), { class: 'name', x: 42, y: i * CELL + 17 }, g);
      rowHeads.push(g);
    }
    this.rows.replaceChildren(...rowHeads);
    const colHeads: Element[] = [];
    for (let j = cols.first; j <= cols.last; j++) {
      const g = this.header(j, 'col', selected);
      svg('rect', { x: j * CELL, y: 0, width: CELL, height: COL_HEADER }, g);
      svgText(`${j + 1} ${shorten(this.data.names[j], 24)}`, { class: 'name', transform: `translate(${j * CELL + 17},${COL_HEADER - 6}) rotate(-90)` }, g);
      colHeads.push(g);
    }
    this.cols.replaceChildren(...colHeads);
  }

  private header(i: number, axis: 'row' | 'col', selected: Set<number>): SVGGElement {
    const name = this.data.names[i];
    const classes = ['head', selected.has(i) ? 'selected' : '', this.data.matches.has(i) ? 'match' : '', this.hover?.[axis] === i ? 'hovered' : ''];
    const g = svg('g', { class: classes.filter(Boolean).join(' '), 'data-module': name, 'data-index': i });
    svgText(name, {}, svg('title', {}, g));
    return g;
  }

  private renderCells(rows: { first: number; last: number }, cols: { first: number; last: number }): void {
    const drawn: Element[] = [];
    for (let i = Math.max(rows.first, cols.first); i <= Math.min(rows.last, cols.last); i++) {
      drawn.push(svg('rect', { class: 'diagonal', x: i * CELL, y: i * CELL, width: CELL, height: CELL }));
    }
    // Layer boundaries: a rule across the window wherever the dependency level changes.
    const [left, right, top, bottom] = [cols.first * CELL, (cols.last + 1) * CELL, rows.first * CELL, (rows.last + 1) * CELL];
    for (const i of this.data.levelStarts) {
      if (i >= rows.first && i <= rows.last) drawn.push(svg('line', { class: 'level-line', x1: left, x2: right, y1: i * CELL, y2: i * CELL }));
      if (i >= cols.first && i <= cols.last) drawn.push(svg('line', { class: 'level-line', x1: i * CELL, x2: i * CELL, y1: top, y2: bottom }));
    }
    for (let r = rows.first; r <= rows.last; r++) {
      for (const cell of this.data.rows[r]) {
        if (cell.col < cols.first || cell.col > cols.last) continue;
        const { edge } = cell;
        const kind = ['cell', cell.above ? 'above' : 'below', edge.violations > 0 ? 'violation' : '', edge.inCycle ? 'in-cycle' : '', edge.change ?? '', edge.id === this.selection.edge ? 'selected' : ''];
        const g = svg('g', { class: kind.filter(Boolean).join(' '), 'data-from': edge.from, 'data-to': edge.to });
        svg('rect', { x: cell.col * CELL + 1, y: r * CELL + 1, width: CELL - 2, height: CELL - 2 }, g);
        svgText(cellText(edge), { x: cell.col * CELL + CELL / 2, y: r * CELL + 17, 'text-anchor': 'middle' }, g);
        drawn.push(g);
      }
    }
    // Cycle outlines last, over the cells they enclose.
    for (const { start, size } of this.data.blocks) {
      if (start + size <= Math.max(rows.first, cols.first) || start > Math.min(rows.last, cols.last)) continue;
      drawn.push(svg('rect', { class: 'block', x: start * CELL, y: start * CELL, width: size * CELL, height: size * CELL }));
    }
    this.content.replaceChildren(...drawn);
  }

  private renderMarks(): void {
    const at = this.hover ?? (document.activeElement === this.root ? this.focus : undefined);
    for (const [mark, on] of [[this.marks.row, at !== undefined], [this.marks.col, at !== undefined]] as const) mark.classList.toggle('hidden', !on);
    if (at) {
      this.marks.row.setAttribute('y', String(at.row * CELL));
      this.marks.col.setAttribute('x', String(at.col * CELL));
    }
    this.marks.focus.setAttribute('x', String(this.focus.col * CELL));
    this.marks.focus.setAttribute('y', String(this.focus.row * CELL));
    this.marks.focus.classList.toggle('hidden', this.data.names.length === 0);
    this.info.textContent = at && this.data.names.length > 0 ? describeCell(this.data, at.row, at.col) : '';
  }

  private selectedIndices(): Set<number> {
    const { node, edge } = this.selection;
    const names = node !== undefined ? [node] : edge !== undefined ? edge.split('\u0000') : [];
    return new Set(names.map((m) => this.data.names.indexOf(m)).filter((i) => i >= 0));
  }

  private cellAtPoint(e: MouseEvent): { row: number; col: number } | undefined {
    const box = this.cells.getBoundingClientRect();
    const row = Math.floor((e.clientY - box.top) / CELL);
    const col = Math.floor((e.clientX - box.left) / CELL);
    const n = this.data.names.length;
    return row >= 0 && col >= 0 && row < n && col < n ? { row, col } : undefined;
  }

  private setHover(at: { row: number; col: number } | undefined): void {
    if (at?.row === this.hover?.row && at?.col === this.hover?.col) return;
    this.hover = at;
    this.render();
  }

  /** A click or Enter on a cell: the diagonal is the module, a cell with imports its dependency. */
  private activate(row: number, col: number): void {
    this.moveFocus(row, col);
    const cell = cellAt(this.data, row, col);
    if (row === col) this.events.node(this.data.names[row]);
    else if (cell) this.events.edge(edgeId(cell.edge.from, cell.edge.to));
    else this.events.background();
  }

  private onKey(e: KeyboardEvent): void {
    if (e.ctrlKey || e.metaKey || e.altKey || this.data.names.length === 0) return;
    const page = Math.max(1, Math.floor((this.root.clientHeight - COL_HEADER) / CELL) - 1);
    const last = this.data.names.length - 1;
    const { row, col } = this.focus;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [row - 1, col], ArrowDown: [row + 1, col], ArrowLeft: [row, col - 1], ArrowRight: [row, col + 1],
      PageUp: [row - page, col], PageDown: [row + page, col], Home: [row, 0], End: [row, last],
    };
    if (e.key === 'Enter' || e.key === ' ') this.activate(row, col);
    else if (moves[e.key]) this.moveFocus(...moves[e.key]);
    else return;
    // Arrows would also scroll the container and reach the graph's own keys on the document.
    e.preventDefault();
    e.stopPropagation();
  }

  private moveFocus(row: number, col: number): void {
    const last = this.data.names.length - 1;
    this.focus = { row: Math.max(0, Math.min(last, row)), col: Math.max(0, Math.min(last, col)) };
    this.hover = undefined;
    this.scrollToFocus();
    this.render();
  }

  /** Scrolls just enough for the focused cell to clear the sticky headers. */
  private scrollToFocus(): void {
    const x = this.focus.col * CELL;
    const y = this.focus.row * CELL;
    const width = this.root.clientWidth - ROW_HEADER;
    const height = this.root.clientHeight - COL_HEADER;
    if (x < this.root.scrollLeft) this.root.scrollLeft = x;
    else if (x + CELL > this.root.scrollLeft + width) this.root.scrollLeft = x + CELL - width;
    if (y < this.root.scrollTop) this.root.scrollTop = y;
    else if (y + CELL > this.root.scrollTop + height) this.root.scrollTop = y + CELL - height;
  }
}
