import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { checkWorkspace, type CheckResult } from '../../src/engine';
import { openSession } from '../support/open-session';
import { tempWorkspace } from '../support/temp-workspace';

const RUNS = Number(process.env.BULKHEAD_STATE_RUNS ?? 60);

/**
 * A session's analyses reuse its AnalysisState (crossings, per-file findings, the table catalog,
 * the re-export tracer, module counts). Whatever sequence of edits, creations, deletions and
 * graph questions came before, `analyze()` must give exactly what a fresh check of the same files
 * gives: the state saves work, it never changes an answer.
 */
describe('analysis state: reuse across analyses gives the answer of a fresh check', () => {
  const files: Record<string, string> = {
    'bulkhead.json': JSON.stringify({
      modules: [
        { name: 'a', path: 'src/a', dependsOn: ['b', 'db'] },
        { name: 'b', path: 'src/b', dependsOn: ['c'] },
        { name: 'c', path: 'src/c' },
        { name: 'db', path: 'src/db', tables: ['orders'] },
      ],
      database: { drivers: ['preset:sql', 'preset:orm'], allowedIn: ['src/db/**'] },
    }),
    'src/a/index.ts': "import { fromB } from '../b';\nexport const a = fromB;\n",
    'src/a/leaf.ts': "import { a } from './index';\nexport const leaf = a;\n",
    'src/b/index.ts': "export { fromB } from './internal';\nexport * from '../c/thing';\n",
    'src/b/internal.ts': 'export const fromB = 1;\n',
    'src/c/thing.ts': 'export const fromC = 2;\n',
    'src/c/index.ts': "export * from './loop-x';\n",
    'src/c/loop-x.ts': "export * from './loop-y';\nexport const x = 1;\n",
    'src/c/loop-y.ts': "export * from './loop-x';\n",
    'src/db/client.ts': "import { Pool } from 'pg';\nexport const pool = new Pool();\n",
    'src/db/order.entity.ts': "import { Entity } from 'typeorm';\n@Entity('orders')\nexport class Order {}\n",
    // The module's own table: no finding, as long as owner and reader are the same module.
    'src/db/orders.repository.ts': "import { pool } from './client';\nexport const all = () => pool.query('SELECT * FROM orders');\n",
  };

  /** What a file may become; `null` deletes it. */
  const variants: Record<string, (string | null)[]> = {
    'src/a/leaf.ts': [
      "import { a } from './index';\n// typing…\nexport const leaf = a + 1;\n",
      "import { fromC } from '../b';\nimport { x } from '../c/loop-y';\nexport const leaf = fromC + x;\n",
      "import { Order } from '../db/order.entity';\nimport { Pool } from 'pg';\nexport const leaf = [Order, Pool];\n",
      "import { gone } from './missing';\nexport const leaf = gone;\n",
      "import { pool } from '../db/client';\nexport const q = () => pool.query('SELECT * FROM orders');\n",
      // Owned only while the entity below is declared for it.
      "import { pool } from '../db/client';\nexport const q = () => pool.query('SELECT * FROM invoices');\n",
    ],
    'src/b/index.ts': [
      "export { fromB } from './internal';\n",
      "// moved\nexport { fromB } from './internal';\nexport { fromC as renamed, fromC } from '../c/thing';\n",
      "export { fromB } from './internal';\nexport * from '../c';\nexport * from '../c/thing';\n",
    ],
    'src/c/thing.ts': [
      'export const fromC2 = 2;\n',
      "import { a } from '../a';\nexport const fromC = a;\n",
      "import { leaf } from '../a/leaf';\nexport const fromC = leaf;\n",
    ],
    'src/c/loop-y.ts': ["export * from './loop-x';\nexport const y = 2;\n", "export const y = 2;\n"],
    'src/db/order.entity.ts': [
      "import { Entity } from 'typeorm';\n@Entity('invoices')\nexport class Order {}\n",
      "import { Entity } from 'typeorm';\n\n@Entity('orders')\nexport class Order {}\n",
    ],
    'src/db/orders.repository.ts': [
      "import { pool } from './client';\nexport const all = () => pool.query('SELECT id FROM orders');\n",
      "import { pool } from './client';\nexport const all = () => pool.query('SELECT * FROM invoices');\n",
    ],
    'src/a/new.ts': ["import { fromB } from '../b/internal';\nexport const n = fromB;\n", null],
    'src/b/new.ts': ["export { leaf } from '../a/leaf';\n", null],
    'src/stray.ts': ["export const stray = 1;\n", null],
    'src/a/index.ts': [null, "import { fromB } from '../b';\nexport const a = fromB;\n"],
  };

  type Step = { kind: 'write'; file: string; text: string | null; unsaved: boolean } | { kind: 'sites' };
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.constantFrom(...Object.entries(variants).flatMap(([file, texts]) => texts.map((text) => ({ file, text }))))
      .chain(({ file, text }) => fc.boolean().map((unsaved): Step => ({ kind: 'write', file, text, unsaved }))),
    fc.constant<Step>({ kind: 'sites' }),
  );

  const write = (file: string, text: string): Step => ({ kind: 'write', file, text, unsaved: false });
  /** Sequences that once went wrong under a mutated state, always run first. */
  const known = {
    // The table catalog must follow a changed entity declaration (a's query becomes a foreign access).
    tableOwnerChanges: [write('src/a/leaf.ts', variants['src/a/leaf.ts'][5]!), write('src/db/order.entity.ts', variants['src/db/order.entity.ts'][0]!)],
    // A new file builds a new module map: per-file memos of the old one must not answer for it.
    fileCreatedThenGraph: [write('src/stray.ts', variants['src/stray.ts'][0]!), { kind: 'sites' } as Step],
  };

  const comparable = (r: CheckResult): string =>
    JSON.stringify({ violations: r.violations, dependencies: r.dependencies, unresolved: r.unresolved, modules: r.modules, summary: { ...r.summary, durationMs: 0 } });

  it('after any sequence of edits, file creations and deletions', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 6 }), (steps) => {
        const ws = tempWorkspace(files);
        try {
          const session = openSession({ root: ws.root });
          for (const s of steps) {
            if (s.kind === 'sites') {
              // Graph questions walk the crossings between analyses, with the same state.
              session.allImportSites();
              continue;
            }
            const abs = path.join(ws.root, s.file);
            if (s.text === null) {
              fs.rmSync(abs, { force: true });
              session.removeFile(abs);
            } else {
              fs.mkdirSync(path.dirname(abs), { recursive: true });
              fs.writeFileSync(abs, s.text);
              // An unsaved buffer and a save both end with the same text on disk.
              session.updateFile(abs, s.unsaved ? s.text : undefined);
            }
            assert.equal(comparable(session.analyze()), comparable(checkWorkspace({ root: ws.root })), JSON.stringify(steps));
          }
        } finally {
          ws.dispose();
        }
      }),
      { numRuns: RUNS, examples: [[known.tableOwnerChanges], [known.fileCreatedThenGraph]] },
    );
  });
});
