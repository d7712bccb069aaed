import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { apply, bulkhead, diagnostic, fileUri, open, ours, quickFixes, revertAll, waitFor } from '../helpers';

describe('quick fixes', () => {
  before(async () => {
    await bulkhead();
  });
  after(revertAll);

  it('rewrites an internal import to the public API of the module', async () => {
    const editor = await open('src/orders/place-order.ts');
    const uri = editor.document.uri;
    const d = await diagnostic(uri, 'internal-import');
    const fixes = await quickFixes(uri, d);
    const fix = fixes.find((a) => a.title.startsWith('Import from the public API'));
    assert.ok(fix, `offered: ${fixes.map((a) => a.title).join(' | ')}`);
    assert.equal(fix.title, `Import from the public API of "users" ('../users')`);
    assert.equal(fix.isPreferred, true);
    await apply(fix);
    assert.equal(editor.document.lineAt(1).text, "import { displayName, type User } from '../users';");
    await waitFor(() => ours(uri, 'internal-import').length === 0, 'the internal-import diagnostic to go away');
    await editor.document.save();
  });

  it('adds an undeclared dependency to dependsOn in bulkhead.json, keeping its comments', async () => {
    const uri = fileUri('src/catalog/review.ts');
    await open('src/catalog/review.ts');
    const d = await diagnostic(uri, 'undeclared-dependency');
    const fixes = await quickFixes(uri, d);
    const fix = fixes.find((a) => a.title.startsWith('Allow "catalog" to depend on "users"'));
    assert.ok(fix, `offered: ${fixes.map((a) => a.title).join(' | ')}`);
    await apply(fix);
    await waitFor(() => ours(uri, 'undeclared-dependency').length === 0, 'the undeclared-dependency diagnostic to go away');
    const config = Buffer.from(await vscode.workspace.fs.readFile(fileUri('bulkhead.json'))).toString('utf8');
    assert.match(config, /\{ "name": "catalog", "path": "src\/catalog", "dependsOn": \["shared",\s*"users"\] \} \/\/ reviews show user names\n/);
    assert.match(config, /^\{\n  \/\/ The mini shop of the VS Code tests/);
  });

  it('inserts an ignore comment whose reason the user must write', async () => {
    const editor = await open('src/orders/refund.ts');
    const uri = editor.document.uri;
    const d = await diagnostic(uri, 'undeclared-dependency');
    const fixes = await quickFixes(uri, d);
    const fix = fixes.find((a) => a.title.startsWith('Ignore this undeclared-dependency violation'));
    assert.ok(fix, `offered: ${fixes.map((a) => a.title).join(' | ')}`);
    await apply(fix);
    const active = vscode.window.activeTextEditor;
    assert.ok(active);
    assert.equal(active.document.lineAt(1).text, '// bulkhead-ignore undeclared-dependency: TODO explain why this is acceptable');
    assert.equal(active.document.getText(active.selection), 'TODO explain why this is acceptable', 'the placeholder reason is selected');
    await waitFor(() => ours(uri, 'undeclared-dependency').length === 0, 'the ignored diagnostic to go away');
    await active.document.save();
  });

  it('offers only the ignore comment for a cycle, and the fixes are keyed to the diagnostic', async () => {
    const uri = fileUri('src/billing/index.ts');
    await open('src/billing/index.ts');
    const d = await diagnostic(uri, 'cycle');
    const titles = (await quickFixes(uri, d)).map((a) => a.title);
    assert.deepEqual(titles, ['Ignore this cycle violation with a comment (reason required)']);
  });
});
