/**
 * The built language server (dist/server.js) over its real IPC transport, spoken to with the same
 * typed messages the extension sends: it answers the graph with the model, not the result.
 */
import * as assert from 'node:assert/strict';
import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, InitializedNotification, InitializeRequest, IPCMessageReader, IPCMessageWriter, type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { edgeSitesRequest, graphRequest, moduleOfRequest, scanFinishedNotification, statusNotification, type FolderStatus } from '../../src/protocol/messages';
import { DEFAULT_SETTINGS } from '../../src/protocol/settings';
import { REPO_ROOT } from '../support/fixtures';

describe('server: graph requests over LSP (dist/server.js)', () => {
  const shop = path.join(REPO_ROOT, 'examples/shop');
  let child: ChildProcess;
  let connection: ProtocolConnection;
  /** Bytes of every custom notification the server sent: what the extension host receives per check. */
  const notified: { method: string; bytes: number }[] = [];

  before(async () => {
    child = fork(path.join(REPO_ROOT, 'dist/server.js'), ['--node-ipc'], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    connection.onRequest('client/registerCapability', () => null);
    const scanned = new Promise<void>((resolve) => connection.onNotification(scanFinishedNotification, () => resolve()));
    connection.onNotification(statusNotification, (status: FolderStatus[]) => notified.push({ method: statusNotification.method, bytes: JSON.stringify(status).length }));
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid, rootUri: null, capabilities: {},
      workspaceFolders: [{ uri: pathToFileURL(shop).href, name: 'shop' }],
      initializationOptions: { settings: DEFAULT_SETTINGS },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    await scanned;
  });

  after(() => {
    connection?.dispose();
    child?.kill();
  });

  it('answers the graph request with the model and the active module, and nothing of the result', async () => {
    const answer = await connection.sendRequest(graphRequest, { activeFile: path.join(shop, 'src/modules/orders/index.ts') });
    assert.ok(answer);
    assert.deepEqual(Object.keys(answer).sort(), ['activeModule', 'folder', 'model']);
    assert.equal(answer.folder, shop);
    assert.equal(answer.activeModule, 'orders');
    assert.deepEqual(answer.model.nodes.map((n) => n.id), ['billing', 'catalog', 'orders', 'shared', 'shipping', 'users']);
    assert.equal(answer.model.summary.errors + answer.model.summary.warnings, 7);
    assert.equal(answer.model.sites, undefined, 'import sites come per edge, on request');
  });

  it('answers edge sites and file owners', async () => {
    const sites = await connection.sendRequest(edgeSitesRequest, { folder: shop, from: 'catalog', to: 'users' });
    assert.deepEqual(sites.sites.map((s) => [s.file, s.rules]), [['src/modules/catalog/application/review-service.ts', ['internal-import', 'undeclared-dependency']]]);
    assert.deepEqual(await connection.sendRequest(moduleOfRequest, { file: path.join(shop, 'src/shared/money.ts') }), { folder: shop, module: 'shared' });
  });

  it('notifies the extension of each check with per-folder counts only', () => {
    assert.ok(notified.length > 0);
    for (const n of notified) assert.ok(n.bytes < 300, `${n.method}: ${n.bytes} bytes`);
  });
});
