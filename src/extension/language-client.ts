import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ErrorHandler, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { InitializationOptions } from '../protocol/messages';
import type { BulkheadSettings } from '../protocol/settings';

const SOURCE_LANGUAGES = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'vue', 'svelte', 'astro'];

/** The language client for dist/server.js, a separate Node process spoken to over IPC. */
export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.OutputChannel, settings: BulkheadSettings, errorHandler: ErrorHandler): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  // For profiling the server inside an editor (`--cpu-prof --cpu-prof-dir=…`), which NODE_OPTIONS refuses.
  const execArgv = process.env.BULKHEAD_SERVER_EXEC_ARGV?.split(' ').filter((a) => a !== '');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, ...(execArgv ? { options: { execArgv } } : {}) },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      ...SOURCE_LANGUAGES.map((language) => ({ scheme: 'file', language })),
      { scheme: 'file', pattern: `**/${settings.configPath.split(/[\\/]/).pop()}` },
    ],
    synchronize: {
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs,vue,svelte,astro,json}'),
        vscode.workspace.createFileSystemWatcher('**/.gitignore'),
        // a folder created or deleted with its files may come as one event for the folder itself,
        // which the globs above do not match
        vscode.workspace.createFileSystemWatcher('**/*', false, true, false),
        // a branch switch rewrites HEAD: re-check everything once the checkout settles
        vscode.workspace.createFileSystemWatcher('**/.git/HEAD'),
      ],
    },
    initializationOptions: { settings, cacheFolder: context.storageUri?.fsPath } satisfies InitializationOptions,
    outputChannel: output,
    errorHandler,
    diagnosticCollectionName: 'bulkhead',
  };
  return new LanguageClient('bulkhead', 'Bulkhead', serverOptions, clientOptions);
}
