import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { scaffoldConfig } from './scaffold-config';

/** "Bulkhead: Create bulkhead.json": drafts the module map of a folder and opens it. */
export async function createConfig(configPath: string): Promise<void> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const folder = folders.length > 1 ? await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Folder to create bulkhead.json in' }) : folders[0];
  if (!folder) {
    if (folders.length === 0) void vscode.window.showInformationMessage('Bulkhead: open a folder first.');
    return;
  }
  const target = path.join(folder.uri.fsPath, configPath);
  if (!fs.existsSync(target)) {
    const { text, modules } = scaffoldConfig({
      subfolders: (rel) => {
        try {
          return fs.readdirSync(path.join(folder.uri.fsPath, rel), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
        } catch {
          return [];
        }
      },
    });
    writeAtomically(target, text);
    void vscode.window.showInformationMessage(`Bulkhead: created ${configPath} with ${modules.length} module${modules.length === 1 ? '' : 's'}.`);
  }
  await vscode.window.showTextDocument(vscode.Uri.file(target));
}

function writeAtomically(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, text);
  fs.renameSync(temp, file);
}
