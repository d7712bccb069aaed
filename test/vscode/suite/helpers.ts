import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BulkheadApi } from '../../../src/extension/main';

export const EXTENSION_ID = 'bulkhead.bulkhead';

/** Activates the extension (as opening the workspace does) and returns what activate() returned. */
export async function bulkhead(): Promise<BulkheadApi> {
  const extension = vscode.extensions.getExtension<BulkheadApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
  return extension.activate();
}

/** Polls until fn returns something truthy (the language server works asynchronously). */
export async function waitFor<T>(fn: () => T | undefined | null | false | Promise<T | undefined | null | false>, what: string, timeoutMs = 20000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function folderUri(name?: string): vscode.Uri {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const folder = name ? folders.find((f) => f.name === name) : folders[0];
  assert.ok(folder, `workspace folder ${name ?? '(first)'} is not open`);
  return folder.uri;
}

export function fileUri(rel: string, folder?: string): vscode.Uri {
  return vscode.Uri.joinPath(folderUri(folder), rel);
}

export async function open(rel: string, folder?: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fileUri(rel, folder));
  return vscode.window.showTextDocument(doc);
}

export function ours(uri: vscode.Uri, rule?: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'bulkhead' && (!rule || codeOf(d) === rule));
}

/**
 * The rule codes of every Bulkhead diagnostic in the workspace, sorted, once there are at least
 * `count` (each file's diagnostics come as a message of their own: some may still be on their way).
 */
export async function allCodes(count: number): Promise<(string | undefined)[]> {
  const codes = (): (string | undefined)[] => vscode.languages.getDiagnostics().flatMap(([, ds]) => ds.filter((x) => x.source === 'bulkhead')).map(codeOf).sort();
  await waitFor(() => codes().length >= count, `${count} Bulkhead diagnostics`).catch(() => undefined);
  return codes();
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
}

/** Waits for exactly one Bulkhead diagnostic of `rule` in the file. */
export async function diagnostic(uri: vscode.Uri, rule: string): Promise<vscode.Diagnostic> {
  const found = await waitFor(() => (ours(uri, rule).length === 1 ? ours(uri, rule) : undefined), `one ${rule} diagnostic in ${vscode.workspace.asRelativePath(uri)}`);
  return found[0];
}

/** Every extension's quick fixes for a diagnostic, as the lightbulb asks for them. */
export async function codeActionsFor(uri: vscode.Uri, d: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
    } catch (e) {
      // the request is cancelled as a whole when another provider (tsserver, still loading) is
      if (attempt === 3 || !/Canceled/.test(String(e))) throw e;
    }
  }
}

/** The quick fixes VS Code offers for a diagnostic (the lightbulb's list), Bulkhead's only. */
export async function quickFixes(uri: vscode.Uri, d: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  // the lightbulb also lists other extensions' actions (TypeScript's refactorings)
  return (await codeActionsFor(uri, d)).filter((a) => /^(Import from the public API|Allow "|Ignore this )/.test(a.title));
}

/** Applies a code action as the editor does: its edit, then its command. */
export async function apply(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `edit of "${action.title}" was not applied`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

export async function revertAll(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
