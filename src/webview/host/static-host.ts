/**
 * The app in the HTML export: the model (with import sites), packed as on the wire
 * (graph-wire.ts), is embedded as JSON in a `<script type="application/json">` element and read as
 * text, never evaluated.
 */
import { edgeId, type GraphModel } from '../../protocol/graph-model';
import { unpackGraphModel, type WireGraphModel } from '../../protocol/graph-wire';
import type { GraphHost } from './graph-host';

export const DATA_ELEMENT_ID = 'bulkhead-graph-data';

export function staticHost(dataElement: HTMLElement): GraphHost {
  let model: GraphModel | undefined;
  return {
    canOpenFiles: false,
    start(listeners) {
      try {
        model = unpackGraphModel(JSON.parse(dataElement.textContent ?? '') as WireGraphModel);
      } catch (err) {
        listeners.empty(`The embedded graph data cannot be read: ${(err as Error).message}`);
        return;
      }
      listeners.model(model);
    },
    async importSites(from, to) {
      const id = edgeId(from, to);
      const imports = model?.edges.find((e) => e.id === id)?.imports ?? 0;
      return model?.sites?.[id] ?? { sites: [], total: imports, omitted: true };
    },
    openSite() {
      // A static page cannot open files; the app shows the path instead.
    },
    save(format, data, fileName) {
      const a = document.createElement('a');
      a.download = fileName;
      a.href = format === 'svg' ? URL.createObjectURL(new Blob([data], { type: 'image/svg+xml' })) : data;
      document.body.appendChild(a);
      a.click();
      a.remove();
    },
    // In the address, so a link to page.html#matrix (or #layers) opens that view.
    savedView() {
      return location.hash === '#matrix' ? 'matrix' : location.hash === '#layers' ? 'layers' : undefined;
    },
    rememberView(view) {
      history.replaceState(null, '', view === 'graph' ? `${location.pathname}${location.search}` : `#${view}`);
    },
  };
}
