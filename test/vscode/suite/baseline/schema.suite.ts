import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { apply, codeActionsFor, codeOf, fileUri, waitFor } from '../helpers';

/** Hover text at the first occurrence of `needle` in the document. */
async function hoverAt(doc: vscode.TextDocument, needle: string): Promise<string> {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `${needle} is not in ${doc.uri.fsPath}`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(at + 2));
  return hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}

async function openConfig(): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fileUri('bulkhead.json')));
}

const MODULES_DOC = /The domain modules\. Order does not matter/;

// The fixture's bulkhead.json has `"$schema": "./node_modules/bulkhead/..."`, a file the workspace
// does not have (what `init` used to write). In VS Code a `$schema` property wins over the
// extension's `jsonValidation` schema, so the file has no schema until that property goes.
describe('bulkhead.json schema shipped with the extension', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a "$schema" naming a missing file: Bulkhead warns on it, with no hover docs meanwhile', async () => {
    const { document: doc } = await openConfig();
    const warning = await waitFor(() => vscode.languages.getDiagnostics(doc.uri).find((d) => d.source === 'bulkhead' && codeOf(d) === 'schema-not-found'), 'the schema-not-found warning');
    assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(doc.getText(warning.range), '"./node_modules/bulkhead/rules/schema/bulkhead.schema.json"');
    assert.match(warning.message, /does not exist.*Remove "\$schema"/);
    // the JSON service has had time to load the (missing) schema: still no docs from ours
    await waitFor(async () => /Unable to load schema|not found|Problems loading/i.test(vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source !== 'bulkhead').map((d) => d.message).join('\n')) || undefined, 'the JSON service reporting the missing schema', 30000)
      .catch(() => undefined); // wording differs between versions: informative only
    assert.doesNotMatch(await hoverAt(doc, '"modules"'), MODULES_DOC);
  });

  it('its quick fix removes the "$schema" line; the extension\'s schema then gives hover docs and validation', async () => {
    const editor = await openConfig();
    const doc = editor.document;
    const warning = vscode.languages.getDiagnostics(doc.uri).find((d) => codeOf(d) === 'schema-not-found');
    assert.ok(warning);
    const actions = await codeActionsFor(doc.uri, warning);
    const remove = actions.find((a) => a.title.startsWith('Remove "$schema"'));
    assert.ok(remove, `no Remove "$schema" fix among ${actions.map((a) => a.title).join(', ')}`);
    await apply(remove);
    assert.doesNotMatch(doc.getText(), /\$schema/);
    assert.ok(await doc.save());
    await waitFor(() => !vscode.languages.getDiagnostics(doc.uri).some((d) => codeOf(d) === 'schema-not-found'), 'the warning gone after saving');

    const hover = await waitFor(async () => {
      const text = await hoverAt(doc, '"modules"');
      return MODULES_DOC.test(text) ? text : undefined;
    }, 'hover docs from the schema on "modules"', 45000);
    assert.match(hover, /deepest module root wins/);

    await editor.edit((e) => e.insert(doc.positionAt(doc.getText().indexOf('"modules"')), '"modulez": [],\n  '));
    const flagged = await waitFor(() => vscode.languages.getDiagnostics(doc.uri).find((d) => d.source !== 'bulkhead' && /modulez/.test(d.message)), 'a schema diagnostic on "modulez"', 30000);
    assert.match(flagged.message, /not allowed/);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
