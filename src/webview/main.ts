/**
 * Entry of the VS Code panel's bundle (dist/webview/graph.js; ELK is the page's next script,
 * dist/webview/elk.js): picks the host and starts the app. The HTML export has its own entry,
 * main-export.ts.
 */
import { GraphApp } from './app';
import { hasVsCodeApi, vscodeHost } from './host/vscode-host';
import { DATA_ELEMENT_ID, staticHost } from './host/static-host';
import { scriptLayoutEngine } from './layout-engine-script';

const root = document.getElementById('app') ?? document.body;
const embedded = document.getElementById(DATA_ELEMENT_ID);
const host = embedded ? staticHost(embedded) : hasVsCodeApi() ? vscodeHost() : undefined;
if (host) {
  const app = new GraphApp(root, host, scriptLayoutEngine);
  (window as unknown as { bulkheadGraph: GraphApp }).bulkheadGraph = app;
  app.start();
} else {
  root.textContent = 'Bulkhead graph: no data (open it from VS Code or from `bulkhead graph --format html`).';
}
