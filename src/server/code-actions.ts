import * as fs from 'node:fs';
import * as path from 'node:path';
import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver/node';
import type { Fix } from '../engine';
import { PLACEHOLDER_COMMAND, SAVE_CONFIG_COMMAND } from '../protocol/commands';
import type { FolderEngine } from './folder-engine';
import { schemaCodeActions } from './schema-reference';
import { pathToUri, uriToPath } from './paths';
import { SOURCE, type DiagnosticData } from './to-diagnostics';
import { PLAIN_EDITS, toWorkspaceEdit, type EditSupport } from './workspace-edit';

/**
 * Code actions keyed to Bulkhead diagnostics: the violation is looked up by the fingerprint the
 * diagnostic carries (not recomputed from the cursor), and its fixes become workspace edits.
 */
export function codeActions(
  params: CodeActionParams,
  engineFor: (absFile: string) => FolderEngine | undefined,
  openText: (absFile: string) => string | undefined,
  support: EditSupport = PLAIN_EDITS,
): CodeAction[] {
  const file = uriToPath(params.textDocument.uri);
  const engine = file && engineFor(file);
  if (!file || !engine) return [];
  const rel = path.relative(engine.root, file).split(path.sep).join('/');
  const readText = (abs: string) => openText(abs) ?? readDisk(abs);
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== SOURCE) continue;
    actions.push(...schemaCodeActions(params.textDocument.uri, diagnostic));
    const data = diagnostic.data as DiagnosticData | undefined;
    // clients that drop `data` still send code and range
    const violation = data?.fingerprint
      ? engine.findViolation(rel, data.rule, data.fingerprint)
      : engine.findViolationAt(rel, String(diagnostic.code), diagnostic.range.start.line + 1, diagnostic.range.start.character + 1);
    if (!violation) continue;
    for (const fix of engine.fixesFor(violation, readText)) {
      const action = toCodeAction(fix, engine.root, diagnostic, support);
      if (action) actions.push(action);
    }
  }
  return actions;
}

function toCodeAction(fix: Fix, root: string, diagnostic: CodeActionParams['context']['diagnostics'][number], support: EditSupport): CodeAction | undefined {
  const edit = toWorkspaceEdit(fix, root, support);
  if (!edit) return undefined;
  const action: CodeAction = { title: fix.title, kind: kindOf(fix), diagnostics: [diagnostic], edit, isPreferred: fix.isPreferred };
  const [first] = fix.edits;
  if (fix.placeholder && first) {
    // the reason is required: select the placeholder so the user types over it
    const line = first.range.start.line - 1;
    action.command = { title: 'Write the reason', command: PLACEHOLDER_COMMAND, arguments: [pathToUri(path.join(root, first.file)), line, fix.placeholder] };
  } else if (fix.kind === 'add-dependency' && first) {
    // the engine reads bulkhead.json from disk: save it so the diagnostic goes away at once
    action.command = { title: 'Save bulkhead.json', command: SAVE_CONFIG_COMMAND, arguments: [pathToUri(path.join(root, first.file))] };
  }
  return action;
}

/**
 * Quick fixes; the one that changes another module's public API has its own sub-kind, so a
 * keybinding (`editor.action.codeAction` with that kind) can run it without the menu.
 */
export const EXPORT_FROM_PUBLIC_API_KIND = `${CodeActionKind.QuickFix}.bulkhead.exportFromPublicApi`;

function kindOf(fix: Fix): string {
  return fix.kind === 'export-from-public-api' ? EXPORT_FROM_PUBLIC_API_KIND : CodeActionKind.QuickFix;
}

function readDisk(absFile: string): string | undefined {
  try {
    return fs.readFileSync(absFile, 'utf8');
  } catch {
    return undefined;
  }
}
