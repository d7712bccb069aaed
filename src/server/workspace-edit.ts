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

const ANNOTATION_ID = 'bulkhead.publicApi';

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

  // VS Code's preview leaves edits that need confirmation unchecked: annotating only the other
  // module's file would let a plain "Apply" rewrite the import to a name the public file does not
  // export. One annotation on every edit keeps the fix all-or-nothing.
  const label = fix.edits.find((e) => e.confirm)?.confirm;
  const annotationId = label && support.changeAnnotations ? ANNOTATION_ID : undefined;
  const documentChanges: (TextDocumentEdit | CreateFile)[] = [];
  for (const file of [...new Set(fix.edits.map((e) => e.file))]) {
    const edits = fix.edits.filter((e) => e.file === file);
    if (edits.some((e) => e.createFile)) {
      documentChanges.push({ kind: 'create', uri: uriOf(file), options: { overwrite: false, ignoreIfExists: false }, ...(annotationId ? { annotationId } : {}) });
    }
    documentChanges.push({
      textDocument: { uri: uriOf(file), version: null },
      edits: edits.map((e): TextEdit | AnnotatedTextEdit => {
        const text = { range: toLspRange(e.range), newText: e.newText };
        return annotationId ? { ...text, annotationId } : text;
      }),
    });
  }
  if (!annotationId || !label) return { documentChanges };
  const changeAnnotations: Record<string, ChangeAnnotation> = { [annotationId]: { label, needsConfirmation: true } };
  return { documentChanges, changeAnnotations };
}
