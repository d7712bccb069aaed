import * as path from 'node:path';
import type {
  AnnotatedTextEdit, ChangeAnnotation, ClientCapabilities, CreateFile, TextDocumentEdit, TextEdit, WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { Fix } from '../engine';
import { pathToUri } from './paths';
import { toLspRange } from './to-diagnostics';

/** What the client can apply besides plain text changes. */
export interface EditSupport {
  documentChanges: boolean;
  createFiles: boolean;
  changeAnnotations: boolean;
}

export const PLAIN_EDITS: EditSupport = { documentChanges: false, createFiles: false, changeAnnotations: false };

export function editSupport(capabilities: ClientCapabilities): EditSupport {
  const edit = capabilities.workspace?.workspaceEdit;
  return {
    documentChanges: edit?.documentChanges === true,
    createFiles: edit?.resourceOperations?.includes('create') === true,
    changeAnnotations: !!edit?.changeAnnotationSupport,
  };
}

/**
 * A fix as an LSP workspace edit. Plain `changes` when that is enough; `documentChanges` when the
 * fix creates a file or changes another module's file, whose edits carry a change annotation
 * with `needsConfirmation` so the editor previews them. Undefined when the client cannot apply it
 * (creating a file without resource operations).
 */
export function toWorkspaceEdit(fix: Fix, root: string, support: EditSupport): WorkspaceEdit | undefined {
  const uriOf = (file: string) => pathToUri(path.join(root, file));
  const creates = fix.edits.some((e) => e.createFile);
  if (creates && !(support.documentChanges && support.createFiles)) return undefined;
  if (!creates && (!support.documentChanges || !fix.edits.some((e) => e.confirm))) {
    const changes: Record<string, TextEdit[]> = {};
    for (const edit of fix.edits) (changes[uriOf(edit.file)] ??= []).push({ range: toLspRange(edit.range), newText: edit.newText });
    return { changes };
  }

  const annotations: Record<string, ChangeAnnotation> = {};
  const annotationFor = (label: string | undefined): string | undefined => {
    if (!label || !support.changeAnnotations) return undefined;
    const id = `bulkhead:${Object.keys(annotations).length}`;
    const existing = Object.entries(annotations).find(([, a]) => a.label === label);
    if (existing) return existing[0];
    annotations[id] = { label, needsConfirmation: true };
    return id;
  };
  const documentChanges: (TextDocumentEdit | CreateFile)[] = [];
  for (const file of [...new Set(fix.edits.map((e) => e.file))]) {
    const edits = fix.edits.filter((e) => e.file === file);
    const annotationId = annotationFor(edits.find((e) => e.confirm)?.confirm);
    if (edits.some((e) => e.createFile)) {
      documentChanges.push({ kind: 'create', uri: uriOf(file), options: { overwrite: false, ignoreIfExists: false }, ...(annotationId ? { annotationId } : {}) });
    }
    documentChanges.push({
      textDocument: { uri: uriOf(file), version: null },
      edits: edits.map((e): TextEdit | AnnotatedTextEdit => {
        const text = { range: toLspRange(e.range), newText: e.newText };
        return annotationId && e.confirm ? { ...text, annotationId } : text;
      }),
    });
  }
  return Object.keys(annotations).length > 0 ? { documentChanges, changeAnnotations: annotations } : { documentChanges };
}
