/**
 * Entry of the HTML export's script (dist/webview/graph-export.js): the app on the embedded model,
 * with ELK unpacked from the page when the graph is first laid out, not bundled (see
 * layout-engine-packed.ts).
 */
import { GraphApp } from './app';
import { DATA_ELEMENT_ID, staticHost } from './host/static-host';
import { packedLayoutEngine } from './layout-engine-packed';

const root = document.getElementById('app') ?? document.body;
const embedded = document.getElementById(DATA_ELEMENT_ID);
if (embedded) {
  const app = new GraphApp(root, staticHost(embedded), packedLayoutEngine);
  (window as unknown as { bulkheadGraph: GraphApp }).bulkheadGraph = app;
  app.start();
} else {
  root.textContent = 'Bulkhead graph: no data (made by `bulkhead graph --format html`).';
}
