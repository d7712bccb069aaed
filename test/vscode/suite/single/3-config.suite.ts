import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { bulkhead, fileUri, open, ours, revertAll, waitFor } from '../helpers';

describe('bulkhead.json', () => {
  before(async () => {
    await bulkhead();
  });
  after(revertAll);

  it('is JSON with comments and validated by the contributed schema', async () => {
    const editor = await open('bulkhead.json');
    assert.equal(editor.document.languageId, 'jsonc');
    const uri = editor.document.uri;
    await editor.edit((e) => e.insert(new vscode.Position(2, 2), '"modulez": [],\n  '));
    const schemaProblem = await waitFor(() => vscode.languages.getDiagnostics(uri).find((d) => d.source !== 'bulkhead' && /modulez/.test(d.message)), 'a schema diagnostic from the JSON language service');
    assert.equal(schemaProblem.range.start.line, 2);
    await editor.edit((e) => e.delete(new vscode.Range(2, 2, 3, 2)));
    assert.equal(editor.document.isDirty, true);
    await editor.document.save();
  });

  it('shows config errors at their line and column once saved', async () => {
    const editor = await open('bulkhead.json');
    const uri = editor.document.uri;
    const line = editor.document.getText().split('\n').findIndex((l) => l.includes('"name": "billing"'));
    const column = editor.document.lineAt(line).text.indexOf('"orders"');
    await editor.edit((e) => e.replace(new vscode.Range(line, column, line, column + '"orders"'.length), '"ordrs"'));
    await editor.document.save();
    const d = await waitFor(() => ours(uri).find((x) => x.severity === vscode.DiagnosticSeverity.Error), 'a config error in bulkhead.json');
    assert.match(d.message, /ordrs/);
    assert.equal(d.range.start.line, line);
    assert.equal(d.range.start.character, column);
    // and fixing the config brings the checks back
    await editor.edit((e) => e.replace(new vscode.Range(line, column, line, column + '"ordrs"'.length), '"orders"'));
    await editor.document.save();
    await waitFor(() => ours(uri).length === 0, 'the config error to go away');
    await waitFor(() => ours(fileUri('src/billing/index.ts'), 'cycle').length === 1, 'the cycle to be reported again');
  });
});
