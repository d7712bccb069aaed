import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { allCodes, bulkhead, diagnostic, EXTENSION_ID, fileUri, open, ours, revertAll, waitFor } from '../helpers';

// package.json declares capabilities.untrustedWorkspaces.supported: the module map, tsconfig and
// sources are read as data, nothing from the workspace is run. Restricted Mode must not cost
// any feature. (VS Code enables an extension under development whatever its manifest says, so
// the first test checks the claim itself rather than relying on the extension being enabled.)
describe('untrusted workspace (Restricted Mode)', () => {
  after(revertAll);

  it('runs in a folder that is not trusted', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the harness should open the folder untrusted');
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
    const manifest = extension.packageJSON as { capabilities?: { untrustedWorkspaces?: { supported?: unknown } } };
    assert.equal(manifest.capabilities?.untrustedWorkspaces?.supported, true);
    const { context } = await bulkhead();
    await waitFor(() => context.running, 'the language server to run');
  });

  it('reports violations of files on disk and of unsaved edits', async () => {
    const d = await diagnostic(fileUri('src/orders/place-order.ts'), 'internal-import');
    assert.match(d.message, /reaches into the internals of module "users"/);
    assert.deepEqual(await allCodes(4), ['cycle', 'internal-import', 'undeclared-dependency', 'undeclared-dependency']);
    const editor = await open('src/catalog/index.ts');
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), "import { normalizeEmail } from '../users/domain/user';\nexport const email = normalizeEmail;\n"));
    await diagnostic(editor.document.uri, 'internal-import');
    await editor.edit((e) => e.delete(new vscode.Range(0, 0, 2, 0)));
    await waitFor(() => ours(editor.document.uri).length === 0, 'the diagnostic of the undone import to go away');
  });
});
