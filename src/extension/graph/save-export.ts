import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';

/** Asks where to save an exported SVG or PNG and writes it atomically (temp file + rename). */
export async function saveExport(format: 'svg' | 'png', data: string, folder: string | undefined): Promise<void> {
  const name = `${folder ? path.basename(folder) : 'bulkhead'}-modules.${format}`;
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.file(path.join(folder, name)) : undefined,
    filters: format === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
  });
  if (!target) return;
  const bytes = format === 'svg' ? Buffer.from(data, 'utf8') : Buffer.from(data.replace(/^data:image\/png;base64,/, ''), 'base64');
  const temp = `${target.fsPath}.${process.pid}.tmp`;
  try {
    await fs.writeFile(temp, bytes);
    await fs.rename(temp, target.fsPath);
  } catch (err) {
    await fs.rm(temp, { force: true });
    void vscode.window.showErrorMessage(`Bulkhead: could not save ${target.fsPath}: ${(err as Error).message}`);
  }
}
