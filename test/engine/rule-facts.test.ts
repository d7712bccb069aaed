import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES } from '../../src/engine/rules/all-rules';
import { RULES } from '../../src/engine/model/rule-table';
import { REPO_ROOT } from '../support/fixtures';
import { tempWorkspace } from '../support/temp-workspace';

const GENERATOR = path.join(REPO_ROOT, 'scripts/generate-rule-facts.mjs');
/** Every file the generator writes into. */
const GENERATED = ['rules/schema/bulkhead.schema.json', 'rules/schema/result.schema.json', 'package.json', 'docs/config.md', 'rules/README.md'];

function generate(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [GENERATOR, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A copy of the generated files, to break and repair without touching the repository. */
function copyOfGenerated(): { root: string; dispose(): void; edit(file: string, change: (text: string) => string): void } {
  const ws = tempWorkspace(Object.fromEntries(GENERATED.map((f) => [f, fs.readFileSync(path.join(REPO_ROOT, f), 'utf8')])));
  const edit = (file: string, change: (text: string) => string): void => {
    const abs = path.join(ws.root, file);
    const before = fs.readFileSync(abs, 'utf8');
    const after = change(before);
    assert.notEqual(after, before, `the edit of ${file} changed nothing`);
    fs.writeFileSync(abs, after);
  };
  return { ...ws, edit };
}

describe('rule facts: one table, generated copies', () => {
  it('the schemas, package.json and the docs tables are up to date with src/engine/model/rule-table.ts', () => {
    const r = generate(['--check']);
    assert.equal(r.code, 0, r.stderr);
  });

  const breakages: [string, string, (text: string) => string][] = [
    ['a default in a docs table', 'docs/config.md', (t) => t.replace('| [`cycle`](../rules/docs/cycle.md) | `error` |', '| [`cycle`](../rules/docs/cycle.md) | `warn` |')],
    ['a rule missing from a docs table', 'rules/README.md', (t) => t.replace(/^\| \[`database-coupling`\].*\n/m, '')],
    ['a rule missing from the editor setting', 'package.json', (t) => t.replace(/,\s*"unchecked-file"(?=\s*\])/, '')],
    ['a schema default', 'rules/schema/bulkhead.schema.json', (t) => t.replace('"default": "off"', '"default": "warn"')],
    ['the result schema rule enum', 'rules/schema/result.schema.json', (t) => t.replace('"unused-ignore",', '')],
  ];
  for (const [what, file, change] of breakages) {
    it(`--check reports ${what} (${file}), and generating repairs it`, () => {
      const copy = copyOfGenerated();
      try {
        copy.edit(file, change);
        const stale = generate(['--check', '--root', copy.root]);
        assert.equal(stale.code, 1);
        assert.match(stale.stderr, new RegExp(`^${file.replace(/\./g, '\\.')}: out of date`));
        assert.equal(generate(['--root', copy.root]).code, 0);
        assert.equal(fs.readFileSync(path.join(copy.root, file), 'utf8'), fs.readFileSync(path.join(REPO_ROOT, file), 'utf8'));
      } finally {
        copy.dispose();
      }
    });
  }

  it('leaves the hand-written parts of a JSON file alone', () => {
    const copy = copyOfGenerated();
    try {
      const schema = 'rules/schema/bulkhead.schema.json';
      // A hand-written property next to the generated ones, formatted its own way.
      copy.edit(schema, (t) => t.replace('"properties": {\n    "$schema": {', '"properties": {\n    "handWritten": { "type": "boolean", "enum": [true] },\n    "$schema": {'));
      copy.edit(schema, (t) => t.replace('"enum": [\n            "error",\n            "warn",\n            "off"\n          ],', '"enum": ["error"],'));
      assert.equal(generate(['--root', copy.root]).code, 0);
      const text = fs.readFileSync(path.join(copy.root, schema), 'utf8');
      assert.match(text, /"handWritten": \{ "type": "boolean", "enum": \[true\] \},/);
      assert.equal(text.replace('    "handWritten": { "type": "boolean", "enum": [true] },\n', ''), fs.readFileSync(path.join(REPO_ROOT, schema), 'utf8'));
    } finally {
      copy.dispose();
    }
  });

  it('says which doc lost its generated region, without a stack trace', () => {
    const copy = copyOfGenerated();
    try {
      copy.edit('docs/config.md', (t) => t.replace('<!-- rules:end -->', ''));
      const r = generate(['--check', '--root', copy.root]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /docs\/config\.md: no <!-- rules:start --> … <!-- rules:end --> region/);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    } finally {
      copy.dispose();
    }
  });

  it('refuses to re-create a JSON object that was moved or renamed', () => {
    const copy = copyOfGenerated();
    try {
      copy.edit('rules/schema/result.schema.json', (t) => t.replace('"violation": {', '"finding": {'));
      const r = generate(['--root', copy.root]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /rules\/schema\/result\.schema\.json: no object at definitions\.violation\.properties\.rule/);
    } finally {
      copy.dispose();
    }
  });

  it('every analysis rule of the table is implemented exactly once, and every rule has a doc page', () => {
    const implemented = ALL_RULES.map((r) => r.id).sort();
    const declared = RULES.filter((r) => r.source === 'rule').map((r) => r.id as string).sort();
    assert.deepEqual(implemented, declared);
    assert.equal(new Set(RULES.map((r) => r.id)).size, RULES.length, 'rule ids are unique');
    for (const { id } of RULES) assert.ok(fs.existsSync(path.join(REPO_ROOT, 'rules/docs', `${id}.md`)), `rules/docs/${id}.md`);
  });
});
