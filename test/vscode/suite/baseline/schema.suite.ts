import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fileUri, waitFor } from '../helpers';

/** Hover text at the first occurrence of `needle` in the document. */
async function hoverAt(doc: vscode.TextDocument, needle: string): Promise<string> {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `${needle} is not in ${doc.uri.fsPath}`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(at + 2));
  return hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}

// The fixture's bulkhead.json has `"$schema": "./node_modules/bulkhead/..."`, a file the workspace
// does not have (what `init` used to write): the schema the extension contributes must still apply.
describe('bulkhead.json schema contributed by the extension', () => {
  it('gives hover docs on bulkhead.json', async () => {
    const doc = await vscode.workspace.openTextDocument(fileUri('bulkhead.json'));
    await vscode.window.showTextDocument(doc);
    // the JSON language server starts with the first JSON document
    const text = await waitFor(async () => {
      const hover = await hoverAt(doc, '"modules"');
      return /The domain modules/.test(hover) ? hover : undefined;
    }, 'hover docs from the schema on "modules"', 45000);
    assert.match(text, /deepest module root wins/);
  });

  it('validates bulkhead.json: an unknown property is flagged by the JSON language service', async () => {
    const doc = await vscode.workspace.openTextDocument(fileUri('bulkhead.json'));
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((e) => e.insert(doc.positionAt(doc.getText().indexOf('"modules"')), '"modulez": [],\n  '));
    try {
      const flagged = await waitFor(() => vscode.languages.getDiagnostics(doc.uri).find((d) => d.source !== 'bulkhead' && /modulez/.test(d.message)), 'a schema diagnostic on "modulez"', 30000);
      assert.match(flagged.message, /not allowed/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });
});
