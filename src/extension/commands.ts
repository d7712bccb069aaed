import * as vscode from 'vscode';
import { PLACEHOLDER_COMMAND, SAVE_CONFIG_COMMAND } from '../protocol/commands';
import { RECORD_BASELINE_COMMAND, recordBaseline, UPDATE_BASELINE_COMMAND, updateBaseline } from './baseline-commands';
import type { BulkheadContext } from './bulkhead-context';
import { createConfig } from './create-config';
import { showGraphPanel } from './graph/graph-panel';
import { STATUS_BAR_COMMAND } from './status-bar';

type Command = (ctx: BulkheadContext, ...args: never[]) => unknown;

/** Every command of the extension; package.json `contributes.commands` lists the visible ones. */
export const COMMANDS: Record<string, Command> = {
  'bulkhead.recheck': async (ctx) => {
    const folders = await ctx.recheck();
    const total = folders.reduce((n, f) => n + f.errors + f.warnings, 0);
    vscode.window.setStatusBarMessage(`Bulkhead: ${total} violation${total === 1 ? '' : 's'} in ${folders.length} folder${folders.length === 1 ? '' : 's'}`, 5000);
    return folders;
  },
  'bulkhead.showGraph': (ctx) => void showGraphPanel(ctx.extension, ctx.graphSource),
  'bulkhead.createConfig': (ctx, folder?: vscode.Uri) => createConfig(ctx, folder),
  'bulkhead.showOutput': (ctx) => ctx.output.show(true),
  [UPDATE_BASELINE_COMMAND]: (ctx) => updateBaseline(ctx),
  [RECORD_BASELINE_COMMAND]: (ctx) => recordBaseline(ctx),
  [STATUS_BAR_COMMAND]: async (ctx) => {
    const fixed = ctx.status.reduce((n, f) => n + (f.baseline?.fixed ?? 0), 0);
    const picked = await vscode.window.showQuickPick(
      [
        { label: '$(warning) Show Problems', command: 'workbench.actions.view.problems' },
        { label: '$(type-hierarchy) Show Module Graph', command: 'bulkhead.showGraph' },
        { label: '$(refresh) Re-check Workspace', command: 'bulkhead.recheck' },
        { label: '$(output) Show Output', command: 'bulkhead.showOutput' },
        ...(fixed > 0 ? [{ label: `$(check) Update Baseline (${fixed} fixed)`, command: UPDATE_BASELINE_COMMAND }] : []),
      ],
      { placeHolder: 'Bulkhead' },
    );
    if (picked) await vscode.commands.executeCommand(picked.command);
  },
  /** After the ignore-comment fix: select the reason placeholder so the user types the reason. */
  [PLACEHOLDER_COMMAND]: async (_ctx, uri: string, line: number, placeholder: string) => {
    const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri));
    const text = editor.document.lineAt(line).text;
    const at = text.indexOf(placeholder);
    if (at >= 0) editor.selection = new vscode.Selection(line, at, line, at + placeholder.length);
  },
  /** After the add-to-dependsOn fix: the engine reads the config from disk. */
  [SAVE_CONFIG_COMMAND]: async (_ctx, uri: string) => {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === vscode.Uri.parse(uri).toString());
    if (doc?.isDirty) await doc.save();
  },
};

export function registerCommands(ctx: BulkheadContext): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([id, run]) => vscode.commands.registerCommand(id, (...args: never[]) => run(ctx, ...args)));
}
