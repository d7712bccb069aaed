import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { bulkhead, codeActionsFor, diagnostic, fileUri, open, ours, waitFor } from '../helpers';

const TITLE = 'Export from the public API';

/** The "Export from the public API" action VS Code offers for a diagnostic, through the lightbulb's provider call. */
async function exportFix(uri: vscode.Uri, d: vscode.Diagnostic): Promise<vscode.CodeAction> {
  const actions = await codeActionsFor(uri, d);
  const fix = actions.find((a) => a.title.startsWith(TITLE));
  assert.ok(fix, `offered: ${actions.map((a) => a.title).join(' | ')}`);
  assert.ok(fix.edit);
  return fix;
}

const KIND = 'quickfix.bulkhead.exportFromPublicApi';

/**
 * Runs the fix as the editor does (`editor.action.codeAction` on the diagnostic, the path of the
 * lightbulb menu and of keybindings). Every edit of the fix is marked needsConfirmation, so VS Code
 * opens the Refactor Preview with the changes unticked instead of applying them: the test checks
 * that nothing is applied before the user confirms, then ticks both files and presses Apply, as
 * the user would. (`vscode.executeCodeActionProvider` hands extensions a copy of the edit without
 * that mark, so it cannot show this.)
 */
async function runThroughPreview(editor: vscode.TextEditor, d: vscode.Diagnostic, other: vscode.Uri): Promise<void> {
  const before = editor.document.getText();
  editor.selection = new vscode.Selection(d.range.start, d.range.start);
  // the command starts the action and returns; the edit waits in the preview
  await vscode.commands.executeCommand('editor.action.codeAction', { kind: KIND, apply: 'first' });
  await new Promise((r) => setTimeout(r, 1500));
  assert.equal(editor.document.getText(), before, 'nothing is applied before the preview is confirmed');
  assert.equal(vscode.workspace.textDocuments.find((t) => t.uri.toString() === other.toString())?.isDirty ?? false, false);
  // Apply with nothing ticked applies nothing: the fix is all or nothing
  await vscode.commands.executeCommand('refactorPreview.apply');
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(editor.document.getText(), before, 'an unconfirmed preview changes nothing');

  await vscode.commands.executeCommand('editor.action.codeAction', { kind: KIND, apply: 'first' });
  await new Promise((r) => setTimeout(r, 1500));
  await vscode.commands.executeCommand('refactorPreview.focus');
  await vscode.commands.executeCommand('list.collapseAll');
  await vscode.commands.executeCommand('list.focusFirst');
  await vscode.commands.executeCommand('refactorPreview.toggleCheckedState');
  await vscode.commands.executeCommand('list.focusDown');
  await vscode.commands.executeCommand('refactorPreview.toggleCheckedState');
  await vscode.commands.executeCommand('refactorPreview.apply');
  await waitFor(() => editor.document.getText() !== before, 'the Refactor Preview to apply the edit');
}

async function textOf(rel: string): Promise<string> {
  return Buffer.from(await vscode.workspace.fs.readFile(fileUri(rel))).toString('utf8');
}

describe('quick fix: export from the public API', () => {
  before(async () => {
    await bulkhead();
  });
  after(async () => {
    await vscode.workspace.saveAll(false);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('adds the name to the index.ts of a module that has one and imports it from there', async () => {
    const editor = await open('src/orders/place-order.ts');
    const uri = editor.document.uri;
    const d = await diagnostic(uri, 'internal-import');
    const fix = await exportFix(uri, d);
    assert.equal(fix.title, "Export from the public API: add isActive to src/users/index.ts, and import from it ('../users')");
    assert.notEqual(fix.isPreferred, true);
    assert.equal(fix.kind?.value, KIND);
    await runThroughPreview(editor, d, fileUri('src/users/index.ts'));
    assert.equal(editor.document.lineAt(1).text, "import { displayName, isActive, type User } from '../users';");
    const index = () => vscode.workspace.textDocuments.find((t) => t.uri.toString() === fileUri('src/users/index.ts').toString());
    await waitFor(() => index()?.getText() === "export { displayName, type User, isActive } from './domain/user';\n", `users/index.ts to export isActive (has ${JSON.stringify(index()?.getText())})`);
    await waitFor(() => ours(uri, 'internal-import').length === 0, 'the internal-import diagnostic to go away');
    // saveAll resolves before code-server's file service has written every file when the machine
    // is busy: save both documents and wait for the disk to show the edit.
    await Promise.all([editor.document.save(), index()?.save()]);
    const exported = "export { displayName, type User, isActive } from './domain/user';\n";
    await waitFor(async () => (await textOf('src/users/index.ts')) === exported, 'src/users/index.ts to be saved with isActive');
    await waitFor(() => ours(uri).length === 0, 'no Bulkhead diagnostic in place-order.ts after saving');
  });

  it('creates index.ts for a module without a public file and imports from it', async () => {
    const editor = await open('src/reports/monthly.ts');
    const uri = editor.document.uri;
    const d = await diagnostic(uri, 'internal-import');
    const fix = await exportFix(uri, d);
    assert.equal(fix.title, "Export from the public API: create src/billing/index.ts exporting invoiceTotal, Invoice, and import from it ('../billing')");
    await runThroughPreview(editor, d, fileUri('src/billing/index.ts'));
    assert.equal(editor.document.lineAt(1).text, "import { invoiceTotal, type Invoice } from '../billing';");
    const created = "export { invoiceTotal } from './invoice';\nexport type { Invoice } from './invoice';\n";
    const buffer = () => vscode.workspace.textDocuments.find((t) => t.uri.toString() === fileUri('src/billing/index.ts').toString());
    await waitFor(() => buffer()?.getText() === created, `src/billing/index.ts to hold the re-exports (has ${JSON.stringify(buffer()?.getText())})`);
    await waitFor(() => ours(uri, 'internal-import').length === 0, 'the internal-import diagnostic to go away');
    await waitFor(() => ours(uri).length === 0 && ours(fileUri('src/billing/index.ts')).length === 0, 'no Bulkhead diagnostic in either file');
  });
});
