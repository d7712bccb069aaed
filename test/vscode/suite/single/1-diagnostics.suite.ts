import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { allCodes, bulkhead, diagnostic, fileUri, open, ours, revertAll, waitFor } from '../helpers';

describe('diagnostics in the editor', () => {
  before(async () => {
    await bulkhead();
  });
  afterEach(revertAll);

  it('shows an internal import when the file is opened: on the specifier, with rule code, doc link and source', async () => {
    const editor = await open('src/orders/place-order.ts');
    const d = await diagnostic(editor.document.uri, 'internal-import');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(editor.document.getText(d.range), "'../users/domain/user'");
    assert.equal(d.range.start.line, 1);
    assert.match(d.message, /reaches into the internals of module "users"/);
    assert.ok(typeof d.code === 'object');
    assert.equal(d.code.target.toString(), 'https://github.com/bulkhead-dev/bulkhead/blob/main/rules/docs/internal-import.md');
  });

  it('reports files that are not open, in the Problems panel', async () => {
    const d = await diagnostic(fileUri('src/catalog/review.ts'), 'undeclared-dependency');
    assert.match(d.message, /Module "catalog" depends on "users"/);
    assert.deepEqual(await allCodes(4), ['cycle', 'internal-import', 'undeclared-dependency', 'undeclared-dependency']);
  });

  it('links the other steps of a cycle as related information', async () => {
    const d = await diagnostic(fileUri('src/billing/index.ts'), 'cycle');
    const related = d.relatedInformation ?? [];
    assert.ok(related.length >= 1, 'the cycle has related information');
    assert.ok(related.some((r) => r.location.uri.path.endsWith('/src/orders/refund.ts') && r.location.range.start.line === 1), JSON.stringify(related));
  });

  it('updates on an unsaved edit and again when the edit is undone', async () => {
    const editor = await open('src/catalog/index.ts');
    const uri = editor.document.uri;
    assert.deepEqual(ours(uri), []);
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), "import { normalizeEmail } from '../users/domain/user';\nexport const email = normalizeEmail;\n"));
    assert.ok(editor.document.isDirty);
    const d = await diagnostic(uri, 'internal-import');
    assert.equal(editor.document.getText(d.range), "'../users/domain/user'");
    await editor.edit((e) => e.delete(new vscode.Range(0, 0, 2, 0)));
    await waitFor(() => ours(uri).length === 0, 'the diagnostics of the undone import to go away');
  });

  it('follows a file created and deleted on disk', async () => {
    const uri = fileUri('src/catalog/leak.ts');
    await vscode.workspace.fs.writeFile(uri, Buffer.from("import { normalizeEmail } from '../users/domain/user';\nexport const leak = normalizeEmail;\n"));
    await diagnostic(uri, 'internal-import');
    await vscode.workspace.fs.delete(uri);
    await waitFor(() => ours(uri).length === 0, 'the deleted file to lose its diagnostics');
  });

  it('follows a folder deleted on disk', async () => {
    const folder = fileUri('src/catalog/legacy');
    const uri = vscode.Uri.joinPath(folder, 'deep', 'old.ts');
    await vscode.workspace.fs.writeFile(uri, Buffer.from("import { normalizeEmail } from '../../../users/domain/user';\nexport const old = normalizeEmail;\n"));
    await diagnostic(uri, 'internal-import');
    await vscode.workspace.fs.delete(folder, { recursive: true });
    await waitFor(() => ours(uri).length === 0, 'the files of the deleted folder to lose their diagnostics');
  });
});
