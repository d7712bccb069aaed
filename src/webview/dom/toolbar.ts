/** The filter bar. Reads its controls into a `ViewFilter`; knows nothing of the drawing. */
import type { ViewKind } from '../host/graph-host';
import { parseHidden, type ViewFilter } from '../logic/view-filter';
import { SinceControl } from './since-control';
import { html } from './svg';

export interface ToolbarActions {
  viewChanged(view: ViewKind): void;
  filterChanged(filter: ViewFilter): void;
  fit(): void;
  exportImage(format: 'svg' | 'png'): void;
  /** Enter in the search box: go to the first match. */
  searchSubmitted(): void;
  /** "Changes since…" (hosts that can compare with git only): `undefined` turns it off. */
  showSince?(ref: string | undefined): void;
}

export class Toolbar {
  readonly search: HTMLInputElement;
  private readonly onlyViolations: HTMLInputElement;
  private readonly onlyChanges: HTMLInputElement;
  private readonly onlyChangesLabel: HTMLElement;
  private readonly focus: HTMLInputElement;
  private readonly hops: HTMLInputElement;
  private readonly hide: HTMLInputElement;
  private readonly modules: HTMLDataListElement;
  readonly status: HTMLElement;
  readonly since?: SinceControl;
  private readonly views: Record<ViewKind, HTMLButtonElement>;
  /** Fit and image export belong to the drawings (graph and layers), not the matrix. */
  private readonly drawingOnly: HTMLButtonElement[];

  constructor(root: HTMLElement, private readonly actions: ToolbarActions) {
    const switcher = html('div', { className: 'view-switch', attrs: { role: 'group', 'aria-label': 'View' } }, root);
    this.views = { graph: viewButton(switcher, 'graph', 'Graph'), layers: viewButton(switcher, 'layers', 'Layers'), matrix: viewButton(switcher, 'matrix', 'Matrix') };
    for (const view of ['graph', 'layers', 'matrix'] as const) this.views[view].addEventListener('click', () => actions.viewChanged(view));
    this.search = input(root, 'search', 'Search modules (/)', 'search');
    const only = html('label', { className: 'check' }, root);
    this.onlyViolations = html('input', { attrs: { type: 'checkbox', id: 'only-violations' } }, only);
    only.append(' Only violations');
    // Shown while the model carries a --since diff: a pull request's changes without the rest.
    this.onlyChangesLabel = html('label', { className: 'check', attrs: { hidden: '' } }, root);
    this.onlyChanges = html('input', { attrs: { type: 'checkbox', id: 'only-changes' } }, this.onlyChangesLabel);
    this.onlyChangesLabel.append(' Only changes');
    this.focus = input(root, 'focus', 'Neighbourhood of module…', 'text');
    this.modules = html('datalist', { attrs: { id: 'module-names' } }, root);
    this.focus.setAttribute('list', 'module-names');
    const hopsLabel = html('label', { className: 'hops', text: 'hops ' }, root);
    this.hops = html('input', { attrs: { type: 'number', id: 'hops', min: '0', max: '9', value: '1', 'aria-label': 'Neighbourhood size in hops' } }, hopsLabel);
    this.hide = input(root, 'hide', 'Hide modules: names or globs', 'text');
    const showSince = actions.showSince;
    if (showSince) this.since = new SinceControl(root, (ref) => showSince.call(actions, ref));
    this.drawingOnly = [
      button(root, 'fit', 'Fit', () => actions.fit()),
      button(root, 'export-svg', 'SVG', () => actions.exportImage('svg')),
      button(root, 'export-png', 'PNG', () => actions.exportImage('png')),
    ];
    this.status = html('span', { className: 'status', attrs: { id: 'status', role: 'status' } }, root);
    for (const el of [this.search, this.focus, this.hops, this.hide]) el.addEventListener('input', () => this.changed());
    this.onlyViolations.addEventListener('change', () => this.changed());
    this.onlyChanges.addEventListener('change', () => this.changed());
    this.search.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') actions.searchSubmitted();
    });
  }

  filter(): ViewFilter {
    const focus = this.focus.value.trim();
    return {
      onlyViolations: this.onlyViolations.checked,
      focus: focus === '' ? undefined : focus,
      hops: Math.max(0, Number.parseInt(this.hops.value, 10) || 0),
      hidden: parseHidden(this.hide.value),
      search: this.search.value,
      onlyChanges: this.onlyChanges.checked && !this.onlyChangesLabel.hidden,
    };
  }

  /** A diff arrived (the box appears, checked) or went away (it disappears). */
  showChangesFilter(on: boolean): void {
    this.onlyChangesLabel.hidden = !on;
    this.onlyChanges.checked = on;
  }

  /** Puts a module into the neighbourhood box (from the details panel or the keyboard). */
  setFocus(module: string | undefined): void {
    this.focus.value = module ?? '';
    this.changed();
  }

  setView(view: ViewKind): void {
    for (const [kind, b] of Object.entries(this.views)) b.setAttribute('aria-pressed', String(kind === view));
    for (const b of this.drawingOnly) b.hidden = view === 'matrix';
  }

  setModuleNames(names: string[]): void {
    this.modules.replaceChildren(...names.map((n) => html('option', { attrs: { value: n } })));
  }

  private changed(): void {
    this.actions.filterChanged(this.filter());
  }
}

function input(root: HTMLElement, id: string, placeholder: string, type: string): HTMLInputElement {
  return html('input', { attrs: { id, type, placeholder, 'aria-label': placeholder, spellcheck: 'false' } }, root);
}

function viewButton(root: HTMLElement, view: ViewKind, text: string): HTMLButtonElement {
  const titles: Record<ViewKind, string> = {
    graph: 'Modules and their dependencies as a drawing',
    layers: 'Modules in rows by dependency level: edges against the layering or in a cycle are red, the suggested cut dashed',
    matrix: 'Dependency structure matrix: modules in layered order, import counts per pair',
  };
  const title = titles[view];
  return html('button', { text, attrs: { id: `view-${view}`, type: 'button', title, 'aria-pressed': String(view === 'graph') } }, root);
}

function button(root: HTMLElement, id: string, text: string, onClick: () => void): HTMLButtonElement {
  const b = html('button', { text, attrs: { id, type: 'button', title: id === 'fit' ? 'Fit the view (0)' : `Export the current view as ${text}` } }, root);
  b.addEventListener('click', onClick);
  return b;
}
