/**
 * ELK in the VS Code panel: its own script (dist/webview/elk.js, 1.4 of the 1.5 MB the panel
 * used to parse before it could say "ready"), loaded after the app's. The app asks for the model
 * at once and the browser parses ELK meanwhile; the matrix and layers views never wait for it.
 */
import { ENGINE_SCRIPT_ID } from '../protocol/graph-page';
import type { LayoutEngine, LoadLayoutEngine } from './layout';

type ElkGlobal = { BulkheadElk?: new () => LayoutEngine };

let loading: Promise<LayoutEngine> | undefined;

export const scriptLayoutEngine: LoadLayoutEngine = () => {
  loading ??= whenLoaded();
  // A failed load is not kept: the next layout tries again.
  loading.catch(() => (loading = undefined));
  return loading;
};

async function whenLoaded(): Promise<LayoutEngine> {
  const global = globalThis as ElkGlobal;
  // The app's script runs before the browser has read the engine's <script> element after it.
  if (document.readyState === 'loading') await new Promise((r) => document.addEventListener('DOMContentLoaded', r, { once: true }));
  if (!global.BulkheadElk) {
    const script = document.getElementById(ENGINE_SCRIPT_ID);
    if (!script) throw new Error('This page has no layout engine: the Layers and Matrix views still work.');
    await new Promise<void>((resolve, reject) => {
      script.addEventListener('load', () => resolve(), { once: true });
      script.addEventListener('error', () => reject(new Error('The layout engine (elk.js) could not be loaded: the Layers and Matrix views still work.')), { once: true });
      // It may have run between the check above and these listeners.
      if (global.BulkheadElk) resolve();
    });
  }
  if (!global.BulkheadElk) throw new Error('The layout engine did not start.');
  return new global.BulkheadElk();
}
