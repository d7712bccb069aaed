import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseConfigText } from '../../src/engine/config/load-config';
import { parseFacts } from '../../src/engine/extract/extract-facts';
import { scanFacts } from '../../src/engine/extract/scan-facts';
import { FIXTURES } from '../support/fixtures';
import { runCli } from '../support/run-cli';
import { tempWorkspace } from '../support/temp-workspace';

const FUNCTIONS = [{ call: 'db.batchInsertSql', argument: 1 }, { call: 'truncateTable', argument: 2 }];

describe('database.tableFunctions: the project\'s own functions that take a table name', () => {
  it('rejects a call that is no dotted name and an argument that is no position, at their file:line:col', () => {
    const text = '{\n  "modules": [],\n  "database": { "tableFunctions": [\n    { "call": "db..insert", "argument": 1 },\n    { "call": "insert", "argument": 0 },\n    { "call": "insert" }\n  ] }\n}\n';
    const { diagnostics } = parseConfigText(text, 'bulkhead.json');
    const at = diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.message}`);
    assert.ok(at.some((m) => /^4:15 "call" must name a function/.test(m)), at.join('\n'));
    assert.ok(at.some((m) => /^5:37 "argument" must be the position of the table-name argument, 1 for the first/.test(m)), at.join('\n'));
    assert.ok(at.some((m) => /^6:5 .*missing the required property "argument"/.test(m)), at.join('\n'));
  });

  it('the scanner keeps a file whose only mention is in a comment on the fast path; a real call goes to the parse, which finds it', () => {
    const commentOnly = "import { db } from './db';\n// db.batchInsertSql('ops', rows)\nexport const x = 1;\n";
    assert.ok(scanFacts('a.ts', commentOnly, true, FUNCTIONS), 'declined a file whose helper call is only in a comment');
    const call = "import { db } from './db';\nexport const run = () => db.batchInsertSql('ops', []);\n";
    assert.equal(scanFacts('a.ts', call, true, FUNCTIONS), undefined);
    assert.deepEqual(parseFacts('a.ts', call, true, FUNCTIONS).database?.references.map((r) => `${r.name} ${r.via} ${r.range.start.line}:${r.range.start.column}`), ["ops db.batchInsertSql('ops') 2:45"]);
    // Without the map's functions the same call is no fact.
    assert.equal(parseFacts('a.ts', call, true, []).database, undefined);
    // Optional call, a receiver chain ending in `db`, the second argument, a template without substitutions.
    const forms = "export const a = (x: any, p: any) => [x.db?.batchInsertSql('a1'), this.db.batchInsertSql(`a2`), truncateTable(p, 'a3'), other.batchInsertSql('no'), truncateTable('no', p)];\n";
    assert.deepEqual(parseFacts('b.ts', forms, true, FUNCTIONS).database?.references.map((r) => r.name), ['a1', 'a2', 'a3']);
  });

  it('with --cache, changing tableFunctions in bulkhead.json reads the facts again', () => {
    const ws = tempWorkspace({});
    try {
      fs.cpSync(path.join(FIXTURES, 'db-table-functions'), ws.root, { recursive: true });
      const config = path.join(ws.root, 'bulkhead.json');
      const first = runCli(['check', ws.root, '--cache', '--format', 'json']);
      assert.equal((JSON.parse(first.stdout) as { violations: unknown[] }).violations.length, 2, first.stderr);
      fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace(/,\s*\{ "call": "truncateTable", "argument": 2 \}/, ''));
      const second = runCli(['check', ws.root, '--cache', '--format', 'json']);
      const messages = (JSON.parse(second.stdout) as { violations: { message: string }[] }).violations.map((v) => v.message);
      assert.equal(messages.length, 1, messages.join('\n'));
      assert.match(messages[0], /table "ops"/);
    } finally {
      ws.dispose();
    }
  });
});
