/**
 * Extension entry point: activation only wires things. All state lives in BulkheadContext, all
 * checking in the language server (dist/server.js).
 */
import * as vscode from 'vscode';
import { BulkheadContext } from './bulkhead-context';
import { registerCommands } from './commands';

let current: BulkheadContext | undefined;

/** What `activate` returns: used by the extension-host tests. */
export interface BulkheadApi {
  context: BulkheadContext;
}

export async function activate(extension: vscode.ExtensionContext): Promise<BulkheadApi> {
  const context = new BulkheadContext(extension);
  current = context;
  extension.subscriptions.push(...registerCommands(context), { dispose: () => void context.dispose() });
  if (context.config.settings.enable) await context.start();
  return { context };
}

export async function deactivate(): Promise<void> {
  await current?.dispose();
  current = undefined;
}
