/** ELK inside the script itself: the VS Code panel loads dist/webview/graph.js from disk, size does not matter there. */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { LoadLayoutEngine } from './layout';

export const bundledLayoutEngine: LoadLayoutEngine = async () => new ELK();
