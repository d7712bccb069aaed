import * as vscode from 'vscode';
import type { GraphSource } from '../protocol/graph-source';
import { importSitesRequest, resultRequest } from '../protocol/messages';
import type { BulkheadContext } from './bulkhead-context';

/** The graph view's window on the language server (see src/protocol/graph-source.ts). */
export function createGraphSource(context: BulkheadContext): GraphSource {
  const activeFile = () => {
    const uri = vscode.window.activeTextEditor?.document.uri;
    return uri?.scheme === 'file' ? uri.fsPath : undefined;
  };
  return {
    async result(folder) {
      return (await context.send(resultRequest, { folder, activeFile: activeFile() })) ?? undefined;
    },
    async importSites(folder, from, to) {
      return (await context.send(importSitesRequest, { folder, from, to })) ?? [];
    },
    onDidChange(listener) {
      return context.onDidChangeResult(listener);
    },
    activeFile,
  };
}
