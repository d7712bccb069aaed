import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkWorkspace, type CheckResult } from '../../src/engine';
import { extractFacts, parseFacts } from '../../src/engine/extract/extract-facts';
import { scanFacts } from '../../src/engine/extract/scan-facts';
import { readCacheParts } from '../support/cache-file-parts';
import { withLiveSession } from '../support/live-session';
import { tempWorkspace } from '../support/temp-workspace';

const coupling = (r: CheckResult): string[] => r.violations.filter((v) => v.rule === 'database-coupling').map((v) => `${v.file}:${v.range.start.line}:${v.range.start.column}`);
const comparable = (r: CheckResult): string => JSON.stringify({ violations: r.violations, dependencies: r.dependencies, unresolved: r.unresolved });

/**
 * Database facts are read only where a finding can come of them: always when bulkhead.json
 * configures the database, else once some file imports a driver or ORM (table owners then come
 * from ORM declarations), never when `database-coupling` is off.
 */
describe('database facts only where they can matter', () => {
  // Ordinary editor code whose words look like database code (`model.`, `join(`, `from(`).
  const editorLike = [
    "import { Emitter } from './event';",
    'export class View {',
    '  constructor(private readonly model: { lines: string[] }) {}',
    "  render(): string { return this.model.lines.join('\\n') + Array.from('ab').join(','); }",
    '}',
    "export const query = (q: string) => 'select ' + q;",
    'export const e = new Emitter();',
    '',
  ].join('\n');

  it('without database facts the fast path takes files whose words only look like database code', () => {
    assert.equal(scanFacts('/w/view.ts', editorLike), undefined, 'with database facts the tokens decide and the file is parsed');
    const fast = scanFacts('/w/view.ts', editorLike, false);
    assert.ok(fast, 'without database facts the scanner accepts it');
    const { database: _parsedDatabase, ...parsed } = parseFacts('/w/view.ts', editorLike);
    assert.deepEqual(fast, parsed);
    assert.equal(extractFacts('/w/view.ts', editorLike, false).database, undefined);
    assert.ok(extractFacts('/w/sql.ts', "export const q = () => pool.query('SELECT * FROM invoices');\n").database, 'with them, the SQL is read');
    assert.equal(extractFacts('/w/sql.ts', "export const q = () => pool.query('SELECT * FROM invoices');\n", false).database, undefined);
  });

  const files: Record<string, string> = {
    'bulkhead.json': JSON.stringify({
      modules: [
        { name: 'billing', path: 'src/billing' },
        { name: 'orders', path: 'src/orders' },
      ],
    }),
    'src/orders/report.ts': "export const report = (pool: { query(sql: string): unknown }) => pool.query('SELECT * FROM invoices');\n",
    'src/billing/index.ts': 'export const issue = 1;\n',
  };
  const entity = "import { Entity } from 'typeorm';\n\n@Entity('invoices')\nexport class Invoice {}\n";

  it('in the editor, the first file that imports an ORM brings the database facts of every file', () => {
    withLiveSession(files, ({ session, first, edit, fresh }) => {
      assert.deepEqual(coupling(first), []);
      edit('src/billing/invoice.entity.ts', entity);
      const after = session.analyze();
      assert.deepEqual(coupling(after), ['src/orders/report.ts:1:92'], 'the SQL read before the ORM import is now known');
      assert.equal(comparable(after), comparable(fresh()));
    });
  });

  it('a fresh check of a workspace that imports an ORM but configures no database finds the coupling', () => {
    const ws = tempWorkspace({ ...files, 'src/billing/invoice.entity.ts': entity });
    try {
      assert.deepEqual(coupling(checkWorkspace({ root: ws.root })), ['src/orders/report.ts:1:92']);
    } finally {
      ws.dispose();
    }
  });

  it('facts cached without database facts are read again once the map configures the database', () => {
    const ws = tempWorkspace(files);
    const cacheFile = path.join(ws.root, 'node_modules/.cache/bulkhead/cache.json');
    try {
      assert.deepEqual(coupling(checkWorkspace({ root: ws.root, cacheFile })), []);
      const config = JSON.parse(files['bulkhead.json']) as { modules: { tables?: string[] }[] };
      config.modules[0].tables = ['invoices'];
      fs.writeFileSync(path.join(ws.root, 'bulkhead.json'), JSON.stringify(config));
      const cached = checkWorkspace({ root: ws.root, cacheFile });
      assert.deepEqual(coupling(cached), ['src/orders/report.ts:1:92']);
      assert.equal(comparable(cached), comparable(checkWorkspace({ root: ws.root })));
      // And back: facts with database facts answer a run that needs none, without them.
      fs.writeFileSync(path.join(ws.root, 'bulkhead.json'), files['bulkhead.json']);
      assert.equal(comparable(checkWorkspace({ root: ws.root, cacheFile })), comparable(checkWorkspace({ root: ws.root })));
    } finally {
      ws.dispose();
    }
  });

  /** Which cached files were read without database facts. */
  const readWithout = (cacheFile: string): string[] => {
    const entries = JSON.parse(readCacheParts(cacheFile).facts) as Record<string, { noDatabase?: true }>;
    return Object.keys(entries).filter((f) => entries[f].noDatabase).sort();
  };

  it('reads database facts by mode: none with the rule off or no driver imported, all once one is', () => {
    const modules = [{ name: 'billing', path: 'src/billing' }, { name: 'orders', path: 'src/orders' }];
    const all = ['src/billing/index.ts', 'src/billing/invoice.entity.ts', 'src/orders/report.ts'];
    const ws = tempWorkspace({ ...files, 'src/billing/invoice.entity.ts': entity });
    const cacheFile = path.join(ws.root, '.cache.json');
    const run = (config: object): string[] => {
      fs.writeFileSync(path.join(ws.root, 'bulkhead.json'), JSON.stringify(config));
      fs.rmSync(cacheFile, { force: true });
      checkWorkspace({ root: ws.root, cacheFile });
      return readWithout(cacheFile);
    };
    try {
      assert.deepEqual(run({ modules, rules: { 'database-coupling': 'off' } }), all, 'rule off');
      assert.deepEqual(run({ modules }), [], 'an ORM is imported');
      assert.deepEqual(run({ modules, database: {} }), [], 'a database section');
      fs.writeFileSync(path.join(ws.root, 'src/billing/invoice.entity.ts'), 'export class Invoice {}\n');
      assert.deepEqual(run({ modules }), all, 'nothing imports a driver');
      assert.deepEqual(run({ modules: [{ ...modules[0], tables: ['invoices'] }, modules[1]] }), [], 'a module lists tables');
    } finally {
      ws.dispose();
    }
  });
});
