import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { bulkhead, diagnostic, fileUri, folderUri, open, ours, quickFixes, waitFor } from '../helpers';

describe('multi-root workspace', () => {
  it('runs one engine per folder that has a bulkhead.json', async () => {
    const { context } = await bulkhead();
    assert.equal(vscode.workspace.workspaceFolders?.length, 3);
    await diagnostic(fileUri('src/warehouse/restock.ts', 'inventory'), 'internal-import');
    await diagnostic(fileUri('src/journal/entry.ts', 'ledger'), 'undeclared-dependency');
    const folders = await waitFor(() => (context.status.length === 2 ? context.status : undefined), 'status of two folders');
    assert.deepEqual(folders.map((f) => f.folder).sort(), [folderUri('inventory').fsPath, folderUri('ledger').fsPath]);
    assert.equal(context.statusBar.text.endsWith('2 violations'), true, context.statusBar.text);
  });

  it('leaves a folder without bulkhead.json alone', () => {
    assert.deepEqual(ours(fileUri('src/modules/beta/index.ts', 'plain')), []);
  });

  it('fixes are computed in the right folder', async () => {
    const { document: { uri } } = await open('src/warehouse/restock.ts', 'inventory');
    const d = await diagnostic(uri, 'internal-import');
    const actions = await quickFixes(uri, d);
    assert.ok(actions.some((a) => a.title === `Import from the public API of "stock" ('../stock')`), actions.map((a) => a.title).join(' | '));
  });

  it('starts checking a folder when Create bulkhead.json drafts its module map', async () => {
    const { context } = await bulkhead();
    await vscode.commands.executeCommand('bulkhead.createConfig', folderUri('plain'));
    const config = Buffer.from(await vscode.workspace.fs.readFile(fileUri('bulkhead.json', 'plain'))).toString('utf8');
    // drafted from the folders and today's imports, as `bulkhead init` does
    assert.match(config, /\{ "name": "alpha", "path": "src\/modules\/alpha", "dependsOn": \[\] \}/);
    assert.match(config, /\{ "name": "beta", "path": "src\/modules\/beta", "dependsOn": \["alpha"\] \}/);
    const plain = await waitFor(() => context.status.find((f) => f.folder === folderUri('plain').fsPath), 'a status for the new folder');
    assert.equal(plain.errors, 0);
    assert.equal(plain.modules, 2);
    // and the new engine follows edits: alpha may not import beta
    const editor = await open('src/modules/alpha/index.ts', 'plain');
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), "import { beta } from '../beta';\nexport const both = beta;\n"));
    const d = await diagnostic(editor.document.uri, 'undeclared-dependency');
    assert.match(d.message, /"alpha" depends on "beta"/);
  });
});
