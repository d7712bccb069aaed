import * as vscode from 'vscode';
import type { GraphSource } from '../protocol/graph-source';

/** What src/extension/graph/graph-panel.ts exports (built separately, see the graph issue). */
interface GraphPanelModule {
  showGraphPanel(context: vscode.ExtensionContext, source: GraphSource): unknown;
}

/** "Bulkhead: Show Module Graph": the graph panel when it is part of the build, else a note. */
export async function showGraph(context: vscode.ExtensionContext, source: GraphSource): Promise<void> {
  const panel = loadGraphPanel();
  if (panel) await panel.showGraphPanel(context, source);
  else void vscode.window.showInformationMessage('Bulkhead: the module graph view is not part of this build yet.');
}

function loadGraphPanel(): GraphPanelModule | undefined {
  try {
    // A plain require inside try: esbuild bundles the panel when the file exists and leaves a
    // failing require (caught here) when it does not.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('./graph/graph-panel') as GraphPanelModule;
  } catch {
    return undefined;
  }
}
