import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { draftConfigRequest } from '../protocol/messages';
import type { BulkheadContext } from './bulkhead-context';

/**
 * "Bulkhead: Create bulkhead.json": the server drafts the module map of a folder (as `bulkhead
 * init` does), the file is written atomically and opened. An existing config is only opened.
 */
export async function createConfig(ctx: BulkheadContext, folderUri?: vscode.Uri): Promise<void> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const folder = (folderUri && vscode.workspace.getWorkspaceFolder(folderUri))
    ?? (folders.length > 1 ? await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Folder to create bulkhead.json in' }) : folders[0]);
  if (!folder) {
    if (folders.length === 0) void vscode.window.showInformationMessage('Bulkhead: open a folder first.');
    return;
  }
  const configPath = ctx.config.settings.configPath;
  const target = path.join(folder.uri.fsPath, configPath);
  if (!fs.existsSync(target)) {
    if (!ctx.running) await ctx.start();
    const draft = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Bulkhead: drafting ${configPath} for ${folder.name}` },
      () => ctx.send(draftConfigRequest, { folder: folder.uri.fsPath }),
    );
    if (!draft) return;
    if (draft.problems && draft.problems.length > 0) {
      ctx.output.appendLine(`Not creating ${target}: the drafted map does not load:\n${draft.problems.join('\n')}`);
      void vscode.window.showErrorMessage(`Bulkhead: the drafted ${configPath} does not load (${draft.problems[0]}); see the Bulkhead output. Nothing was written.`);
      return;
    }
    writeAtomically(target, draft.text);
    ctx.output.appendLine(`Created ${target}: ${draft.notes.join(' ')}`);
    void vscode.window.showInformationMessage(`Bulkhead: created ${configPath} with ${draft.modules} module${draft.modules === 1 ? '' : 's'}.`);
  }
  await vscode.window.showTextDocument(vscode.Uri.file(target));
}

function writeAtomically(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, text);
  fs.renameSync(temp, file);
}
