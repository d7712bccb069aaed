/**
 * The Bulkhead language server: one engine session per workspace folder with a config, in its own
 * process so the extension host never waits for a scan. Started by the extension over IPC.
 */
import {
  createConnection, DidChangeConfigurationNotification, ProposedFeatures, TextDocuments, TextDocumentSyncKind,
  type InitializeParams, type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  cancelScanNotification, draftConfigRequest, recheckRequest, serverProcessRequest, settingsNotification, updateBaselineRequest, type InitializationOptions,
} from '../protocol/messages';
import { draftModuleMap } from '../engine';
import { DEFAULT_SETTINGS, type BulkheadSettings } from '../protocol/settings';
import { BulkheadServer } from './bulkhead-server';
import { codeActions } from './code-actions';
import { uriToPath } from './paths';
import { registerSinceRequests } from './since-requests';
import { registerViewRequests } from './view-requests';
import { editSupport, PLAIN_EDITS, type EditSupport } from './workspace-edit';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let server: BulkheadServer;
let folders: string[] = [];
let edits: EditSupport = PLAIN_EDITS;

function openText(absFile: string): string | undefined {
  return documents.all().find((d) => uriToPath(d.uri) === absFile)?.getText();
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const init = params.initializationOptions as InitializationOptions | undefined;
  const settings: BulkheadSettings = { ...DEFAULT_SETTINGS, ...init?.settings };
  folders = (params.workspaceFolders ?? []).flatMap((f) => uriToPath(f.uri) ?? []);
  edits = editSupport(params.capabilities);
  server = new BulkheadServer(connection, settings, init?.cacheFolder, () =>
    documents.all().flatMap((d) => {
      const file = uriToPath(d.uri);
      return file ? [{ file, text: d.getText() }] : [];
    }));
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'bulkhead' },
  };
});

connection.onInitialized(() => {
  server.setFolders(folders);
  connection.workspace.onDidChangeWorkspaceFolders((e) => {
    const removed = new Set(e.removed.flatMap((f) => uriToPath(f.uri) ?? []));
    folders = [...folders.filter((f) => !removed.has(f)), ...e.added.flatMap((f) => uriToPath(f.uri) ?? [])];
    server.setFolders(folders);
  });
  void connection.client.register(DidChangeConfigurationNotification.type, undefined);
});

connection.onNotification(cancelScanNotification, ({ folder }) => server.cancelScan(folder));
connection.onNotification(settingsNotification, (settings) => {
  server.updateSettings({ ...DEFAULT_SETTINGS, ...settings });
});

documents.onDidChangeContent(({ document }) => {
  const file = uriToPath(document.uri);
  if (file && server.runOnType) server.fileChanged(file, document.getText());
});
documents.onDidSave(({ document }) => {
  const file = uriToPath(document.uri);
  if (file) server.fileChanged(file, undefined);
});
// Closing an unsaved buffer reverts to what is on disk.
documents.onDidClose(({ document }) => {
  const file = uriToPath(document.uri);
  if (file) server.fileChanged(file, undefined);
});

connection.onDidChangeWatchedFiles(({ changes }) => {
  server.filesChangedOnDisk(changes.flatMap((c) => uriToPath(c.uri) ?? []));
});

connection.onCodeAction((params) => {
  server.flush(); // fixes carry positions: compute them from the text the editor has now
  return codeActions(params, (f) => server.engines.forFile(f), openText, edits);
});

registerViewRequests(connection, () => server.engines);
registerSinceRequests(connection, () => server.engines);
connection.onRequest(recheckRequest, () => server.recheckAll());
connection.onRequest(updateBaselineRequest, ({ folder, record }) => server.updateBaseline(folder, !!record));
connection.onRequest(serverProcessRequest, () => ({ pid: process.pid }));
// A starting bulkhead.json for the folder, inferred exactly like `bulkhead init`.
connection.onRequest(draftConfigRequest, ({ folder }) =>
  draftModuleMap(folder, 'Drafted by "Bulkhead: Create bulkhead.json" (the same inference as `bulkhead init`):'),
);

documents.listen(connection);
// Killed with its editor's process group: exit as on a normal end, so that exit hooks (and
// `--cpu-prof`, see BULKHEAD_SERVER_EXEC_ARGV) run.
process.on('SIGTERM', () => process.exit(0));
connection.listen();
