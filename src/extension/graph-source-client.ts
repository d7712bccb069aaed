import * as vscode from 'vscode';
import type { GraphSource } from '../protocol/graph-source';
import { edgeSitesRequest, graphRequest, graphSinceRequest, moduleOfRequest, suggestedSinceRefRequest } from '../protocol/messages';
import type { BulkheadContext } from './bulkhead-context';

/** The graph view's window on the language server (see src/protocol/graph-source.ts). */
export function createGraphSource(context: BulkheadContext): GraphSource {
  return {
    async graph(folder, activeFile) {
      return (await context.send(graphRequest, { folder, activeFile })) ?? undefined;
    },
    async graphSince(folder, ref, activeFile) {
      return (await context.send(graphSinceRequest, { folder, ref, activeFile })) ?? { error: 'The Bulkhead language server is not running.' };
    },
    async suggestedSinceRef(folder) {
      return (await context.send(suggestedSinceRefRequest, { folder })) ?? undefined;
    },
    async edgeSites(folder, from, to) {
      return (await context.send(edgeSitesRequest, { folder, from, to })) ?? { sites: [], total: 0 };
    },
    async ownerOf(file) {
      return (await context.send(moduleOfRequest, { file })) ?? undefined;
    },
    onDidChange(listener) {
      return context.onDidChangeResult(listener);
    },
    activeFile() {
      const uri = vscode.window.activeTextEditor?.document.uri;
      return uri?.scheme === 'file' ? uri.fsPath : undefined;
    },
  };
}
