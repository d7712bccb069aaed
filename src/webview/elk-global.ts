/** Entry of dist/webview/elk.js: ELK alone, defining one global: the panel's second script (layout-engine-script.ts), packed into the HTML export (layout-engine-packed.ts). */
import ELK from 'elkjs/lib/elk.bundled.js';

(globalThis as { BulkheadElk?: unknown }).BulkheadElk = ELK;
