import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { bulkhead, diagnostic, open, ours, revertAll, waitFor } from '../helpers';

describe('settings', () => {
  const config = () => vscode.workspace.getConfiguration('bulkhead');
  after(async () => {
    await config().update('run', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('severityOverrides', undefined, vscode.ConfigurationTarget.Workspace);
    await revertAll();
  });

  it('"run": "onSave" checks an edited file only when it is saved', async () => {
    await bulkhead();
    await config().update('run', 'onSave', vscode.ConfigurationTarget.Workspace);
    const editor = await open('src/shared/index.ts');
    const uri = editor.document.uri;
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), "import { invoiceNumber } from '../billing';\nexport const n = invoiceNumber;\n"));
    await new Promise((r) => setTimeout(r, 500)); // what on-type checking would have needed many times over
    assert.deepEqual(ours(uri), [], 'nothing while the buffer is unsaved');
    await editor.document.save();
    await diagnostic(uri, 'undeclared-dependency');
    await editor.edit((e) => e.delete(new vscode.Range(0, 0, 2, 0)));
    await editor.document.save();
    await waitFor(() => ours(uri).length === 0, 'the diagnostic to go after saving the undo');
  });

  it('severity overrides change the editor severity, and "off" hides a rule', async () => {
    await config().update('severityOverrides', { cycle: 'off', 'undeclared-dependency': 'warning' }, vscode.ConfigurationTarget.Workspace);
    await waitFor(() => vscode.languages.getDiagnostics().every(([, ds]) => !ds.some((d) => d.source === 'bulkhead' && (d.code as { value: string }).value === 'cycle')), 'cycles hidden');
    await config().update('severityOverrides', undefined, vscode.ConfigurationTarget.Workspace);
    const all = await waitFor(() => {
      const ds = vscode.languages.getDiagnostics().flatMap(([, d]) => d.filter((x) => x.source === 'bulkhead'));
      return ds.some((d) => (d.code as { value: string }).value === 'cycle') ? ds : undefined;
    }, 'cycles back');
    assert.ok(all.length > 0);
  });
});
