/**
 * ELK in the VS Code panel: its own script (dist/webview/elk.js, 1.4 of the 1.5 MB the panel
 * used to parse before it could say "ready"), loaded after the app's. The app asks for the model
 * at once and the browser parses ELK meanwhile; the matrix and layers views never wait for it.
 */
import { ENGINE_SCRIPT_ID } from '../protocol/graph-page';
import type { LayoutEngine, LoadLayoutEngine } from './layout';

type ElkGlobal = { BulkheadElk?: new () => LayoutEngine };

const MISSING = 'The layout engine (dist/webview/elk.js) could not be loaded: the Layers and Matrix views still work.';

/**
 * Whether the engine's <script> has loaded or failed. Watched from when this app's script runs,
 * before the browser has even read that element: its load or error event may come before the
 * first layout asks (they do not bubble, but reach a capturing listener on the document).
 */
let outcome: 'loaded' | 'failed' | undefined;
const waiting: (() => void)[] = [];
const wakeAll = (): void => waiting.splice(0).forEach((wake) => wake());
for (const type of ['load', 'error'] as const) {
  document.addEventListener(type, (e) => {
    if ((e.target as Element | null)?.id !== ENGINE_SCRIPT_ID) return;
    outcome = type === 'load' ? 'loaded' : 'failed';
    wakeAll();
  }, true);
}
// An inline engine (the browser tests' pages) fires no load event: it has run once the page is read.
document.addEventListener('DOMContentLoaded', wakeAll);

let loading: Promise<LayoutEngine> | undefined;

export const scriptLayoutEngine: LoadLayoutEngine = () => {
  loading ??= whenLoaded();
  // A failed load is not kept: the next layout says so again rather than waiting forever.
  loading.catch(() => (loading = undefined));
  return loading;
};

async function whenLoaded(): Promise<LayoutEngine> {
  const global = globalThis as ElkGlobal;
  while (!global.BulkheadElk && outcome === undefined) {
    // Before the page is read, the element may still be ahead; after it, it must be there.
    if (document.readyState !== 'loading') {
      const script = document.getElementById(ENGINE_SCRIPT_ID) as HTMLScriptElement | null;
      if (!script) throw new Error('This page has no layout engine: the Layers and Matrix views still work.');
      if (!script.src) break;
    }
    await new Promise<void>((wake) => waiting.push(wake));
  }
  if (!global.BulkheadElk) throw new Error(outcome === 'failed' ? MISSING : 'The layout engine did not start.');
  return new global.BulkheadElk();
}
