/**
 * ELK in the HTML export: 1.5 of its 1.6 MB were the layout engine, so the export carries it
 * deflated and base64-encoded in a non-executed `<script type="application/octet-stream">`
 * (0.6 MB). The first graph layout unpacks it with the browser's DecompressionStream and runs it
 * as an inline script carrying the page's nonce, so the strict CSP stays as it is (no eval, no
 * extra source). The file still opens directly: nothing is fetched.
 */
import type { LayoutEngine, LoadLayoutEngine } from './layout';

export const PACKED_ENGINE_ID = 'bulkhead-layout-engine';

/** The nonce of this script, read while it runs: browsers hide it from later reads of the attribute. */
const nonce = (document.currentScript as HTMLScriptElement | null)?.nonce ?? '';

let loading: Promise<LayoutEngine> | undefined;

export const packedLayoutEngine: LoadLayoutEngine = () => (loading ??= unpack());

async function unpack(): Promise<LayoutEngine> {
  const global = globalThis as { BulkheadElk?: new () => LayoutEngine };
  if (!global.BulkheadElk) {
    const packed = document.getElementById(PACKED_ENGINE_ID)?.textContent?.trim();
    if (!packed) throw new Error('This page has no layout engine: the Layers and Matrix views still work.');
    if (typeof DecompressionStream === 'undefined') throw new Error('This browser cannot unpack the layout engine (no DecompressionStream): the Layers and Matrix views still work.');
    const bytes = Uint8Array.from(atob(packed), (c) => c.charCodeAt(0));
    const source = await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'))).text();
    const script = document.createElement('script');
    script.nonce = nonce;
    script.textContent = source;
    // An inline script runs as it is inserted; it defines globalThis.BulkheadElk (elk-global.ts).
    document.head.appendChild(script);
    script.remove();
  }
  if (!global.BulkheadElk) throw new Error('The layout engine did not start.');
  return new global.BulkheadElk();
}
