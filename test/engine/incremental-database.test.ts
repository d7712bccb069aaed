import * as assert from 'node:assert/strict';
import type { CheckResult } from '../../src/engine';
import { withLiveSession } from '../support/live-session';

/**
 * `database-coupling` keeps each file's findings between analyses and rebuilds its table catalog
 * only when a table declaration changes; after every edit the answer must be exactly what a fresh
 * session finds on the same files.
 */
describe('incremental database-coupling: the same answer as a fresh check after every edit', () => {
  const files: Record<string, string> = {
    'bulkhead.json': JSON.stringify({
      modules: [
        { name: 'db', path: 'src/db' },
        { name: 'billing', path: 'src/billing', dependsOn: ['db'] },
        { name: 'orders', path: 'src/orders', dependsOn: ['db', 'billing'], tables: ['orders'] },
      ],
      database: { drivers: ['preset:sql', 'preset:orm'], allowedIn: ['src/db/**', 'src/*/entities/**'] },
    }),
    'src/db/client.ts': "import { Pool } from 'pg';\nexport const pool = new Pool();\n",
    'src/billing/entities/invoice.entity.ts':
      "import { Entity, PrimaryGeneratedColumn } from 'typeorm';\n\n@Entity('invoices')\nexport class Invoice {\n  @PrimaryGeneratedColumn()\n  id!: number;\n}\n",
    'src/billing/index.ts': "export { Invoice as BillingInvoice } from './entities/invoice.entity';\nexport const issue = 1;\n",
    'src/orders/orders.repository.ts':
      "import { pool } from '../db/client';\nexport const own = () => pool.query('SELECT * FROM orders WHERE id = $1', [1]);\n",
    'src/orders/orders.service.ts': "import { issue } from '../billing';\nexport const place = issue;\n",
  };
  const comparable = (r: CheckResult): string => JSON.stringify({ violations: r.violations, dependencies: r.dependencies, unresolved: r.unresolved });
  const coupling = (r: CheckResult): string[] => r.violations.filter((v) => v.rule === 'database-coupling').map((v) => `${v.file}:${v.range.start.line}`);

  const edits: { file: string; text: string; expect: string[] }[] = [
    // A table reference that changes from the module's own table to billing's.
    {
      file: 'src/orders/orders.repository.ts',
      text: "import { pool } from '../db/client';\nexport const own = () => pool.query('SELECT * FROM invoices WHERE id = $1', [1]);\n",
      expect: ['src/orders/orders.repository.ts:2'],
    },
    // An unrelated file is edited: the cached finding of the repository stays.
    { file: 'src/orders/orders.service.ts', text: "import { issue } from '../billing';\n// typing…\nexport const place = issue;\n", expect: ['src/orders/orders.repository.ts:2'] },
    // Back to its own table.
    { file: 'src/orders/orders.repository.ts', text: files['src/orders/orders.repository.ts'], expect: [] },
    // An entity imported through a renaming barrel, and a driver outside allowedIn.
    {
      file: 'src/orders/orders.service.ts',
      text: "import { BillingInvoice, issue } from '../billing';\nimport { Knex } from 'knex';\nexport const place = [BillingInvoice, issue];\nexport type K = Knex;\n",
      expect: ['src/orders/orders.service.ts:1', 'src/orders/orders.service.ts:2'],
    },
    // The declaration changes its table to one orders owns in bulkhead.json: the catalog is rebuilt.
    {
      file: 'src/billing/entities/invoice.entity.ts',
      text: "import { Entity, PrimaryGeneratedColumn } from 'typeorm';\n\n@Entity('orders')\nexport class Invoice {\n  @PrimaryGeneratedColumn()\n  id!: number;\n}\n",
      expect: ['src/orders/orders.service.ts:2'],
    },
    // The barrel stops exporting the entity: the tracer changes, driver findings are kept.
    { file: 'src/billing/index.ts', text: "export const issue = 1;\nexport const BillingInvoice = 2;\n", expect: ['src/orders/orders.service.ts:2'] },
  ];

  it('matches a fresh session for each step of a sequence of edits', () => {
    withLiveSession(files, ({ session, first, edit, fresh }) => {
      assert.deepEqual(coupling(first), []);
      for (const { file, text, expect } of edits) {
        edit(file, text);
        const incremental = session.analyze();
        assert.deepEqual(coupling(incremental), expect, `database-coupling findings after editing ${file}`);
        assert.equal(comparable(incremental), comparable(fresh()), `after editing ${file}`);
        assert.equal(comparable(session.analyze()), comparable(incremental), `re-analysing after editing ${file}`);
      }
    });
  });
});

describe('incremental analysis through re-export chains: the same answer as a fresh check', () => {
  const files: Record<string, string> = {
    'bulkhead.json': JSON.stringify({
      modules: [
        { name: 'billing', path: 'src/billing' },
        { name: 'shared', path: 'src/shared', dependsOn: ['billing'] },
        { name: 'orders', path: 'src/orders', dependsOn: ['shared'] },
      ],
    }),
    'src/billing/invoice.entity.ts': "import { Entity } from 'typeorm';\n\n@Entity('invoices')\nexport class Invoice {}\nexport const total = 1;\n",
    'src/billing/index.ts': "export * from './invoice.entity';\n",
    'src/shared/models.ts': "export { Invoice as SharedInvoice, total } from '../billing';\n",
    'src/shared/index.ts': "export * from './models';\nexport const util = 1;\n",
    'src/orders/a.ts': "import { SharedInvoice, util } from '../shared';\nexport const a = [SharedInvoice, util];\n",
    'src/orders/b.ts': "import { total } from '../shared/models';\nexport const b = total;\n",
    'src/orders/c.ts': "import { util } from '../shared';\nexport const c = util;\n",
  };
  const comparable = (r: CheckResult): string => JSON.stringify({ violations: r.violations, dependencies: r.dependencies });
  const edits: [string, string][] = [
    // Lines of a re-export in the middle of the chain move: messages quote them.
    ['src/shared/models.ts', "// models of other modules\nexport { Invoice as SharedInvoice, total } from '../billing';\n"],
    // The chain stops renaming, then stops re-exporting the entity, then again does.
    ['src/shared/models.ts', "export { Invoice, total } from '../billing';\nexport { Invoice as SharedInvoice } from '../billing';\n"],
    ['src/shared/models.ts', "export { total } from '../billing';\nexport const SharedInvoice = 2;\n"],
    ['src/shared/models.ts', files['src/shared/models.ts']],
    // The end of the chain stops exporting a name; a barrel drops its `export *`.
    ['src/billing/invoice.entity.ts', "import { Entity } from 'typeorm';\n\n@Entity('invoices')\nexport class Invoice {}\n"],
    ['src/shared/index.ts', 'export const util = 1;\n'],
    ['src/shared/index.ts', "export * from './models';\nexport const util = 1;\n"],
  ];

  it('matches a fresh session after each edit of a barrel in the chain', () => {
    withLiveSession(files, ({ session, edit, fresh }) => {
      for (const [file, text] of edits) {
        edit(file, text);
        const expected = comparable(fresh());
        assert.equal(comparable(session.analyze()), expected, `after editing ${file}`);
        assert.equal(comparable(session.analyze()), expected, `re-analysing after editing ${file}`);
      }
    });
  });
});

describe('incremental table holders and shared access: the same answer as a fresh check', () => {
  const files: Record<string, string> = {
    'bulkhead.json': JSON.stringify({
      modules: [
        { name: 'users', path: 'src/users', tables: ['users'] },
        { name: 'orders', path: 'src/orders', dependsOn: ['users'] },
        { name: 'seeds', path: 'src/seeds', dependsOn: ['users'] },
      ],
      database: { tableHolders: ['**/*.repository.ts'], sharedAccess: ['src/seeds/**'] },
    }),
    'src/users/users.repository.ts': "export class UsersRepository { q = 'SELECT * FROM users'; }\n",
    'src/users/index.ts': "export { UsersRepository } from './users.repository';\nexport const api = 1;\n",
    'src/orders/a.ts': "import { UsersRepository } from '../users';\nexport const a = UsersRepository;\n",
    'src/seeds/seed.ts': "import { UsersRepository } from '../users';\nexport const s = [UsersRepository, 'DELETE FROM users'];\n",
  };
  const coupling = (r: CheckResult): string[] => r.violations.filter((v) => v.rule === 'database-coupling').map((v) => `${v.file}:${v.range.start.line}`);
  const comparable = (r: CheckResult): string => JSON.stringify({ violations: r.violations, dependencies: r.dependencies });

  it('follows barrel and import edits', () => {
    withLiveSession(files, ({ first, session, edit, fresh }) => {
      assert.deepEqual(coupling(first), ['src/orders/a.ts:1']);
      const steps: [string, string, string[]][] = [
        // The barrel stops handing out the repository: the import now takes the module's API only.
        ['src/users/index.ts', "export const api = 1;\nexport const UsersRepository = 2;\n", []],
        ['src/users/index.ts', files['src/users/index.ts'], ['src/orders/a.ts:1']],
        // A type-only import is not coupling; a direct import of the holder is.
        ['src/orders/a.ts', "import type { UsersRepository } from '../users';\nexport type A = UsersRepository;\n", []],
        ['src/orders/a.ts', "import { UsersRepository } from '../users/users.repository';\nexport const a = UsersRepository;\n", ['src/orders/a.ts:1']],
      ];
      for (const [file, text, expected] of steps) {
        edit(file, text);
        const incremental = session.analyze();
        assert.deepEqual(coupling(incremental), expected, `after editing ${file}`);
        assert.equal(comparable(incremental), comparable(fresh()), `after editing ${file}`);
      }
    });
  });
});
