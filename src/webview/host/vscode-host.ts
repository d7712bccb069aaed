/** The app inside a VS Code webview: typed messages to and from src/extension/graph/graph-panel.ts. */
import type { FromGraphView, ToGraphView } from '../../protocol/graph-messages';
import type { EdgeSites } from '../../protocol/graph-model';
import { unpackGraphModel } from '../../protocol/graph-wire';
import type { GraphHost } from './graph-host';

interface VsCodeApi {
  postMessage(message: FromGraphView): void;
  /** The webview's state, kept by VS Code while the panel lives (also when it is hidden). */
  getState?(): unknown;
  setState?(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

export function hasVsCodeApi(): boolean {
  return typeof (globalThis as { acquireVsCodeApi?: unknown }).acquireVsCodeApi === 'function';
}

export function vscodeHost(): GraphHost {
  const api = acquireVsCodeApi();
  const pending = new Map<number, (sites: EdgeSites) => void>();
  let nextId = 1;
  return {
    canOpenFiles: true,
    start(listeners) {
      window.addEventListener('message', (event: MessageEvent<ToGraphView>) => {
        const m = event.data;
        if (m.type === 'model') {
          try {
            listeners.model(unpackGraphModel(m.model));
          } catch (err) {
            listeners.empty(`Bulkhead could not read the graph: ${(err as Error).message}.`);
          }
        }
        else if (m.type === 'activeModule') listeners.activeModule(m.module);
        else if (m.type === 'empty') listeners.empty(m.message);
        else if (m.type === 'sinceSuggestion') listeners.sinceSuggestion?.(m.ref, m.label);
        else if (m.type === 'sinceError') listeners.sinceError?.(m.ref, m.message);
        else if (m.type === 'importSites') {
          pending.get(m.requestId)?.(m.sites);
          pending.delete(m.requestId);
        }
      });
      api.postMessage({ type: 'ready' });
    },
    importSites(from, to) {
      const requestId = nextId++;
      return new Promise((resolve) => {
        pending.set(requestId, resolve);
        api.postMessage({ type: 'requestImportSites', requestId, from, to });
      });
    },
    openSite(site) {
      api.postMessage({ type: 'openImportSite', file: site.file, line: site.line, column: site.column });
    },
    save(format, data) {
      api.postMessage({ type: 'saveExport', format, data });
    },
    savedView() {
      const state = api.getState?.() as { view?: unknown } | undefined;
      return state?.view === 'matrix' || state?.view === 'graph' || state?.view === 'layers' ? state.view : undefined;
    },
    rememberView(view) {
      api.setState?.({ view });
    },
    showSince(ref) {
      api.postMessage({ type: 'showSince', ref: ref ?? null });
    },
  };
}
