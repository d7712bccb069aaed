import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver/node';
import { missingSchema } from '../../src/server/schema-reference';
import { REPO_ROOT } from '../support/fixtures';

const applyEdits = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create('file:///bulkhead.json', 'jsonc', 1, text), edits);

describe('server: a "$schema" in bulkhead.json that names a missing file', () => {
  const config = path.join(REPO_ROOT, 'test/fixtures/vscode-baseline/bulkhead.json');
  const initStyle = '{\n  "$schema": "./node_modules/bulkhead/rules/schema/bulkhead.schema.json",\n  // comment\n  "modules": []\n}\n';

  it('is found on the value, and the fix removes its whole line', () => {
    const found = missingSchema(config, initStyle);
    assert.ok(found);
    assert.equal(found.value, './node_modules/bulkhead/rules/schema/bulkhead.schema.json');
    assert.deepEqual(found.range, { start: { line: 1, character: 13 }, end: { line: 1, character: 13 + found.value.length + 2 } });
    assert.equal(applyEdits(initStyle, [found.removal]), '{\n  // comment\n  "modules": []\n}\n');
  });

  it('on one line with other properties, the fix removes the property and its comma only', () => {
    const text = '{ "$schema": "./missing.json", "modules": [] }';
    const found = missingSchema(config, text);
    assert.ok(found);
    assert.equal(applyEdits(text, [found.removal]), '{ "modules": [] }');
  });

  it('says nothing for a file that exists, a URL, or no $schema', () => {
    assert.equal(missingSchema(config, '{ "$schema": "../../../rules/schema/bulkhead.schema.json" }'), undefined);
    assert.equal(missingSchema(config, '{ "$schema": "https://example.com/bulkhead.schema.json" }'), undefined);
    assert.equal(missingSchema(config, '{ "modules": [] }'), undefined);
    assert.ok(missingSchema(config, '{ "$schema": "file:///no/such/bulkhead.schema.json" }'));
  });
});
