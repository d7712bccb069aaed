import * as assert from 'node:assert/strict';
import { applyFileEdits } from '../../../src/engine';
import { addDependencyFix } from '../../../src/engine/fixes/add-dependency-fix';

const base = { configFile: 'bulkhead.json', declarationName: 'catalog', sourceModule: 'catalog', targetModule: 'users' };

function fixed(configText: string, declarationIndex = 0, extra: Partial<typeof base> = {}): string {
  const fix = addDependencyFix({ ...base, ...extra, configText, declarationIndex });
  assert.ok(fix, 'a fix is offered');
  assert.equal(fix.edits.length, 1, 'one edit');
  return applyFileEdits(configText, fix.edits);
}

describe('fix: add to dependsOn (minimal edit of bulkhead.json)', () => {
  it('appends to a one-line dependsOn and keeps the comments around it', () => {
    const text = '{\n  // shop\n  "modules": [\n    { "name": "catalog", "path": "src/catalog", "dependsOn": ["shared"] } // reviews\n  ]\n}\n';
    assert.equal(fixed(text), '{\n  // shop\n  "modules": [\n    { "name": "catalog", "path": "src/catalog", "dependsOn": ["shared", "users"] } // reviews\n  ]\n}\n');
  });

  it('appends on a new line, indented like the others, to a multi-line dependsOn', () => {
    const text = '{\n\t"modules": [\n\t\t{\n\t\t\t"name": "catalog",\n\t\t\t"dependsOn": [\n\t\t\t\t"shared", // always\n\t\t\t\t"money"\n\t\t\t]\n\t\t}\n\t]\n}';
    assert.equal(fixed(text), '{\n\t"modules": [\n\t\t{\n\t\t\t"name": "catalog",\n\t\t\t"dependsOn": [\n\t\t\t\t"shared", // always\n\t\t\t\t"money",\n\t\t\t\t"users"\n\t\t\t]\n\t\t}\n\t]\n}');
  });

  it('fills an empty dependsOn', () => {
    assert.equal(fixed('{"modules":[{"name":"catalog","path":"c","dependsOn":[]}]}'), '{"modules":[{"name":"catalog","path":"c","dependsOn":["users"]}]}');
  });

  it('adds dependsOn to a declaration without one, one-line or multi-line, with CRLF kept', () => {
    assert.equal(fixed('{ "modules": [{ "name": "catalog", "path": "c" }] }'), '{ "modules": [{ "name": "catalog", "path": "c", "dependsOn": ["users"] }] }');
    const crlf = '{\r\n  "modules": [\r\n    {\r\n      "name": "catalog",\r\n      "path": "c"\r\n    }\r\n  ]\r\n}\r\n';
    assert.equal(fixed(crlf), '{\r\n  "modules": [\r\n    {\r\n      "name": "catalog",\r\n      "path": "c",\r\n      "dependsOn": ["users"]\r\n    }\r\n  ]\r\n}\r\n');
  });

  it('edits the declaration by index and names a placeholder declaration in the title', () => {
    const text = '{ "modules": [{ "name": "shared", "path": "s" }, { "name": "<name>", "path": "src/features/<name>", "dependsOn": ["shared"] }] }';
    const fix = addDependencyFix({ ...base, configText: text, declarationIndex: 1, declarationName: '<name>' });
    assert.ok(fix);
    assert.equal(fix.title, 'Allow every module of "<name>" to depend on "users" (add to dependsOn in bulkhead.json)');
    assert.equal(applyFileEdits(text, fix.edits), text.replace('"dependsOn": ["shared"]', '"dependsOn": ["shared", "users"]'));
  });

  it('offers nothing when the declaration is not where the map says (config changed since)', () => {
    assert.equal(addDependencyFix({ ...base, configText: '{ "modules": [] }', declarationIndex: 0 }), undefined);
    assert.equal(addDependencyFix({ ...base, configText: '{ "modules": [{ "name": "catalog", "dependsOn": "x" }] }', declarationIndex: 0 }), undefined);
  });
});
