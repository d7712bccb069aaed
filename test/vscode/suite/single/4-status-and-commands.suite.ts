import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { bulkhead, open, waitFor } from '../helpers';

/** Longer than the server waits after a check's result before writing its caches (500 ms). */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 1500));

describe('status bar and commands', () => {
  it('shows the module of the active file and the workspace violation count', async () => {
    const { context } = await bulkhead();
    await open('src/billing/index.ts');
    // after the fixes suite only the cycle is left
    const text = await waitFor(() => (/billing · 1 violation$/.test(context.statusBar.text) ? context.statusBar.text : undefined), 'status bar text')
      .catch((e: Error) => {
        const left = vscode.languages.getDiagnostics().flatMap(([uri, ds]) => ds.filter((d) => d.source === 'bulkhead').map((d) => `${vscode.workspace.asRelativePath(uri)}: ${d.message}`));
        throw new Error(`${e.message}; status bar: ${context.statusBar.text}; diagnostics: ${left.join(' | ')}`);
      });
    assert.equal(text, '$(layers) billing · 1 violation');
    await open('tsconfig.json');
    await waitFor(() => context.statusBar.text === '$(layers) 1 violation', `status bar without a module, last: ${context.statusBar.text}`);
  });

  it('contributes its commands to the palette', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['bulkhead.recheck', 'bulkhead.showGraph', 'bulkhead.createConfig', 'bulkhead.showOutput']) {
      assert.ok(commands.includes(id), id);
    }
  });

  it('re-checks the workspace on request', async () => {
    const status = await vscode.commands.executeCommand<{ folder: string; errors: number }[]>('bulkhead.recheck');
    assert.equal(status.length, 1);
    assert.equal(status[0].errors, 1);
    assert.equal(status[0].folder, vscode.workspace.workspaceFolders?.[0].uri.fsPath);
  });

  it("keeps its fact cache in the editor's workspace storage, and reuses it when nothing changed", async () => {
    const { context } = await bulkhead();
    const storage = context.extension.storageUri?.fsPath;
    assert.ok(storage, 'a folder is open, so VS Code gives workspace storage');
    const cacheFile = await waitFor(() => {
      const name = fs.existsSync(storage) ? fs.readdirSync(storage).find((f) => /^facts-[0-9a-f]{16}\.json$/.test(f)) : undefined;
      return name && path.join(storage, name);
    }, 'a fact cache in workspace storage');
    // Nothing inside the workspace itself.
    assert.ok(!fs.existsSync(path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'node_modules', '.cache', 'bulkhead')));
    await vscode.commands.executeCommand('bulkhead.recheck');
    // The server writes a check's cache half a second after its result (an earlier test's re-check
    // too): measure once those writes are done, and look again after the same wait.
    await settle();
    const written = fs.statSync(cacheFile).mtimeMs;
    // Nothing changed since: the stored result is the answer, and the cache is not written again.
    const status = await vscode.commands.executeCommand<{ errors: number }[]>('bulkhead.recheck');
    assert.equal(status[0].errors, 1);
    await settle();
    assert.equal(fs.statSync(cacheFile).mtimeMs, written);
  });

  it('Show Module Graph opens the graph panel', async () => {
    await vscode.commands.executeCommand('bulkhead.showGraph');
    await waitFor(() => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
      .some((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('bulkhead.graph')), 'the graph webview tab');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Show Output runs', async () => {
    await vscode.commands.executeCommand('bulkhead.showOutput');
  });
});
