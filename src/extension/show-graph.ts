import type * as vscode from 'vscode';
import type { GraphSource } from '../protocol/graph-source';
import { showGraphPanel } from './graph/graph-panel';

/** "Bulkhead: Show Module Graph": the graph webview, fed through the GraphSource seam. */
export function showGraph(context: vscode.ExtensionContext, source: GraphSource): void {
  showGraphPanel(context, source);
}
