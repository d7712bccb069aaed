import * as assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import type { Fix } from '../../src/engine';
import { editSupport, PLAIN_EDITS, toWorkspaceEdit } from '../../src/server/workspace-edit';

const ROOT = '/ws';
const uri = (rel: string) => pathToFileURL(`${ROOT}/${rel}`).href;
const at = (line: number, column: number) => ({ start: { line, column }, end: { line, column } });
const FULL = editSupport({ workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'], changeAnnotationSupport: { groupsOnLabel: true } } } });

const CREATE: Fix = {
  kind: 'export-from-public-api', rule: 'internal-import', title: 'Export from the public API: create',
  edits: [
    { file: 'src/reports/monthly.ts', range: { start: { line: 2, column: 45 }, end: { line: 2, column: 63 } }, newText: '../billing' },
    { file: 'src/billing/index.ts', range: at(1, 1), newText: "export { total } from './invoice';\n", createFile: true, confirm: 'Changes the public API of module "billing"' },
  ],
};

describe('server: fix → LSP workspace edit', () => {
  it('creates the file, then fills it, with a needsConfirmation annotation on the other module\'s file only', () => {
    assert.deepEqual(toWorkspaceEdit(CREATE, ROOT, FULL), {
      documentChanges: [
        { textDocument: { uri: uri('src/reports/monthly.ts'), version: null }, edits: [{ range: { start: { line: 1, character: 44 }, end: { line: 1, character: 62 } }, newText: '../billing', annotationId: 'bulkhead.publicApi' }] },
        { kind: 'create', uri: uri('src/billing/index.ts'), options: { overwrite: false, ignoreIfExists: false }, annotationId: 'bulkhead.publicApi' },
        { textDocument: { uri: uri('src/billing/index.ts'), version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: "export { total } from './invoice';\n", annotationId: 'bulkhead.publicApi' }] },
      ],
      changeAnnotations: { 'bulkhead.publicApi': { label: 'Changes the public API of module "billing"', needsConfirmation: true } },
    });
  });

  it('drops a fix that creates a file when the client cannot create files', () => {
    assert.equal(toWorkspaceEdit(CREATE, ROOT, PLAIN_EDITS), undefined);
    assert.equal(toWorkspaceEdit(CREATE, ROOT, { ...FULL, createFiles: false }), undefined);
  });

  it('keeps plain changes for fixes that touch only the asked-for file, and where the client has no documentChanges', () => {
    const local: Fix = { kind: 'public-api', rule: 'internal-import', title: 't', edits: [{ file: 'a.ts', range: at(1, 2), newText: 'x' }] };
    assert.deepEqual(toWorkspaceEdit(local, ROOT, FULL), { changes: { [uri('a.ts')]: [{ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, newText: 'x' }] } });
    const other: Fix = { ...local, edits: [...local.edits, { file: 'b.ts', range: at(1, 1), newText: 'y', confirm: 'other module' }] };
    assert.deepEqual(Object.keys(toWorkspaceEdit(other, ROOT, PLAIN_EDITS)?.changes ?? {}), [uri('a.ts'), uri('b.ts')]);
    // documentChanges without annotations: the edit still applies, without a preview
    assert.equal(toWorkspaceEdit(other, ROOT, { ...FULL, changeAnnotations: false })?.changeAnnotations, undefined);
  });
});
