import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Session } from '../../src/engine';
import { openSession } from '../support/open-session';
import { FIXTURES } from '../support/fixtures';

const dbRule = (session: Session): string[] =>
  session
    .analyze()
    .violations.filter((v) => v.rule === 'database-coupling')
    .map((v) => `${v.file}:${v.range.start.line}:${v.range.start.column} ${v.sourceModule} -> ${v.targetModule ?? '-'}`);

describe('database: the session keeps table facts current', () => {
  it('an unsaved edit adds and removes a table access without a full check', () => {
    const root = path.join(FIXTURES, 'db-drizzle');
    const session = openSession({ root });
    const file = path.join(root, 'src/modules/users/user-repository.ts');
    const before = dbRule(session);
    const original = fs.readFileSync(file, 'utf8');
    session.updateFile(file, `${original}\nexport const audit = () => db.execute(sql\`SELECT * FROM billing.invoices\`);\n`);
    assert.deepEqual(dbRule(session).sort(), [...before, 'src/modules/users/user-repository.ts:10:57 users -> billing'].sort());
    session.updateFile(file, original);
    assert.deepEqual(dbRule(session), before);
  });

  it("a renamed re-export of another module's table is still that table", () => {
    const root = path.join(FIXTURES, 'db-drizzle');
    const session = openSession({ root });
    const barrel = path.join(root, 'src/modules/users/index.ts');
    session.updateFile(barrel, "export { emailOf } from './user-repository';\nexport { users as userTable } from './schema';\n");
    const repo = path.join(root, 'src/modules/billing/invoice-repository.ts');
    const text = fs.readFileSync(repo, 'utf8').replace("import { emailOf, users } from '../users';", "import { emailOf, userTable as users } from '../users';");
    session.updateFile(repo, text);
    assert.ok(dbRule(session).includes('src/modules/billing/invoice-repository.ts:3:45 billing -> users'), dbRule(session).join('\n'));
  });

  it('a namespace import of another module\'s schema file is one violation naming its tables', () => {
    const root = path.join(FIXTURES, 'db-drizzle');
    const session = openSession({ root });
    session.updateFile(path.join(root, 'src/modules/billing/audit.ts'), "import * as userSchema from '../users/schema';\nexport const tables = Object.keys(userSchema);\n");
    const schema = path.join(root, 'src/modules/users/schema.ts');
    session.updateFile(schema, `${fs.readFileSync(schema, 'utf8')}\nexport const sessions = pgTable('sessions', { id: serial('id') });\n`);
    const found = session.analyze().violations.filter((v) => v.file === 'src/modules/billing/audit.ts' && v.rule === 'database-coupling');
    assert.deepEqual(found.map((v) => `${v.range.start.line}:${v.range.start.column} ${v.targetModule}`), ['1:29 users']);
    assert.match(found[0].message, /"users".*and 1 more table definition\(s\) \("sessions"\)/);
  });

  it('without a Prisma schema, only a client called prisma… counts as Prisma', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bulkhead-db-'));
    try {
      fs.mkdirSync(path.join(root, 'src/orders'), { recursive: true });
      fs.mkdirSync(path.join(root, 'src/billing'), { recursive: true });
      fs.writeFileSync(path.join(root, 'bulkhead.json'), JSON.stringify({
        modules: [
          { name: 'billing', path: 'src/billing', tables: ['invoices'] },
          { name: 'orders', path: 'src/orders', dependsOn: [] },
        ],
      }));
      fs.writeFileSync(path.join(root, 'src/billing/index.ts'), 'export const x = 1;\n');
      fs.writeFileSync(path.join(root, 'src/orders/pay.ts'), [
        'declare const client: any, prisma: any;',
        'export const a = client.invoices.create({});',
        'export const b = prisma.invoices.create({});',
      ].join('\n'));
      const session = openSession({ root });
      assert.deepEqual(dbRule(session), ['src/orders/pay.ts:3:25 orders -> billing']);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('a Prisma schema change needs a full check', () => {
    const session = openSession({ root: path.join(FIXTURES, 'db-nestjs-prisma') });
    assert.equal(session.needsFullCheck(path.join(FIXTURES, 'db-nestjs-prisma/prisma/schema.prisma')), true);
  });
});
