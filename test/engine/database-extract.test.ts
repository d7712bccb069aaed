import * as assert from 'node:assert/strict';
import { extractFacts } from '../../src/engine/extract/extract-facts';
import { parsePrismaSchema } from '../../src/engine/database/prisma-schema';
import { DriverMatcher } from '../../src/engine/database/driver-matcher';
import { expandDrivers } from '../../src/engine/database/driver-presets';

const refs = (text: string): string[] =>
  (extractFacts('/w/a.ts', text).database?.references ?? []).map((r) => `${r.kind} ${r.name} ${r.range.start.line}:${r.range.start.column}`);
const decls = (text: string): string[] =>
  (extractFacts('/w/a.ts', text).database?.declarations ?? []).map((d) => `${d.orm} ${d.table} ${d.model ?? '-'} [${d.bindings.join(',')}]`);

describe('database: references and declarations in code', () => {
  it('reads SQL from statements, query() arguments, tagged templates and concatenations', () => {
    assert.deepEqual(refs("const q = 'SELECT * FROM invoices';"), ['sql invoices 1:26']);
    assert.deepEqual(refs('pool.query(`\n  select *\n  from invoices i join payments p on p.id = i.payment_id`);'), ['sql invoices 3:8', 'sql payments 3:24']);
    assert.deepEqual(refs("db.query('FROM invoices WHERE 1=1');"), ['sql invoices 1:16']);
    assert.deepEqual(refs('const r = sql`FROM invoices WHERE id = ${id}`;'), ['sql invoices 1:20']);
    assert.deepEqual(refs('await prisma.$queryRaw`SELECT 1 FROM "Invoice"`;'), ['sql Invoice 1:38']);
    assert.deepEqual(refs("const q = 'SELECT * FROM orders o ' + 'JOIN invoices i ON i.order_id = o.id';"), ['sql orders 1:26', 'sql invoices 1:45']);
    assert.deepEqual(refs('const q = "SELECT * FROM \\"billing\\".invoices";'), ['sql billing.invoices 1:27']);
  });

  it('leaves prose, messages, comments and other tags alone', () => {
    assert.deepEqual(refs("// SELECT * FROM invoices\nconst a = 1;"), []);
    assert.deepEqual(refs("logger.warn('Delete from invoices failed for ' + id);"), []);
    assert.deepEqual(refs("console.log(`select from invoices took ${ms}`);"), []);
    assert.deepEqual(refs("throw new Error('UPDATE invoices SET paid failed');"), []);
    assert.deepEqual(refs("const help = 'Please select from invoices below';"), []);
    assert.deepEqual(refs('const html = String.raw`SELECT * FROM invoices`;'), []);
    assert.deepEqual(refs("import x from 'select from invoices';"), []);
    assert.deepEqual(refs("const s = 'invoices';"), []);
    assert.deepEqual(refs("export const labels = { deleteFromCart: 'Delete from cart', pick: 'Select from invoices' };"), []);
  });

  it('reads Prisma delegates, query builders and models by name', () => {
    assert.deepEqual(refs('this.prisma.invoice.findMany({});'), ['prisma invoice 1:13']);
    assert.deepEqual(refs('await tx.invoiceLine.deleteMany();'), ['prisma invoiceLine 1:10']);
    assert.deepEqual(refs('this.prismaService.order.count();'), ['prisma order 1:20']);
    assert.deepEqual(refs("knex('invoices').where({ id });"), ['query-builder invoices 1:7']);
    assert.deepEqual(refs("db.select().from('billing.invoices as i').leftJoin('payments', 'p.id', 'i.pid');"), [
      'query-builder billing.invoices 1:19',
      'query-builder payments 1:53',
    ]);
    assert.deepEqual(refs("db.selectFrom('invoices').selectAll();"), ['query-builder invoices 1:16']);
    assert.deepEqual(refs("dataSource.getRepository('Invoice');"), ['model-name Invoice 1:27']);
    assert.deepEqual(refs('sequelize.models.Invoice.findAll();'), ['model-name Invoice 1:18']);
    assert.deepEqual(refs("mongoose.model('Invoice').find();"), ['model-name Invoice 1:17']);
  });

  it('reads Prisma clients obtained from calls and transactions, and destructured Sequelize models', () => {
    assert.deepEqual(refs('this.prismaService.txClient().user.findMany();'), ['prisma user 1:31']);
    assert.deepEqual(refs('(await this.db.client()).order.findMany();'), ['prisma order 1:26']);
    assert.deepEqual(refs('this.prisma.$transaction(async (t) => t.invoice.create({}));'), ['prisma invoice 1:41']);
    assert.deepEqual(refs('prisma.$transaction(function (q) { return q.payment.findMany(); });'), ['prisma payment 1:45']);
    assert.deepEqual(refs('prisma.$transaction([prisma.user.update({}), prisma.invoice.delete({})]);'), ['prisma user 1:29', 'prisma invoice 1:53']);
    assert.deepEqual(refs('const { models } = this.sequelize;\nmodels.Trader.findAll();'), ['model-name Trader 2:8']);
    assert.deepEqual(refs("sequelize.models['Trader'].findAll();"), ['model-name Trader 1:19']);
    const via = (text: string): string[] => (extractFacts('/w/a.ts', text).database?.references ?? []).map((r) => r.via);
    assert.deepEqual(via('this.prismaService.txClient().user.findMany();'), ['prismaService.txClient.user'], 'the rule trusts a chain naming prisma without a schema');
    assert.deepEqual(via('this.prisma.$transaction(async (t) => t.invoice.create({}));'), ['prisma.$transaction(t).invoice']);
  });

  it('does not take other calls, parameters or `models` objects for Prisma or Sequelize', () => {
    // A parameter of a callback that is not a Prisma transaction; a shadowing parameter inside one.
    assert.deepEqual(refs('queue.$transaction(async (t) => t.invoice.create({}));'), []);
    assert.deepEqual(refs('prisma.$transaction(async (t) => items.map((t) => t.invoice.create({})));'), []);
    assert.deepEqual(refs('this.http.get().user.findMany();'), []);
    // A bare `models.X` without a model method, or a view model registry.
    assert.deepEqual(refs('const x = models.Trader; models.Trader.render();'), []);
  });

  it('does not take other from/join/table/model calls for database access', () => {
    assert.deepEqual(refs("Array.from('invoices'); Buffer.from('invoices');"), []);
    assert.deepEqual(refs("path.join('invoices', name); parts.join(', ');"), []);
    assert.deepEqual(refs("cache.invoice.delete(id); order.invoice.update(x);"), []);
    assert.deepEqual(refs("t('invoices'); i18n('invoices');"), []);
    assert.deepEqual(refs("db('invoices', 'extra'); db(`invoices`);"), []);
  });

  it('finds ORM table declarations and the names that stand for them', () => {
    assert.deepEqual(decls("@Entity('invoices') export class Invoice {}"), ['typeorm invoices Invoice [Invoice]']);
    assert.deepEqual(decls("@Entity({ name: 'orders', schema: 'sales' }) export default class Order {}"), ['typeorm sales.orders Order [Order,default]']);
    assert.deepEqual(decls('@Entity() export class InvoiceLine {}'), ['typeorm invoice_line InvoiceLine [InvoiceLine]']);
    assert.deepEqual(decls("@Table({ tableName: 'accounts' }) export class Account extends Model {}"), ['sequelize accounts Account [Account]']);
    assert.deepEqual(decls('@Table export class Plain {}'), []);
    assert.deepEqual(decls("Payment.init({ a: 1 }, { sequelize, tableName: 'payments' });"), ['sequelize payments Payment [Payment]']);
    assert.deepEqual(decls("export const Refund = sequelize.define('Refund', {});"), ['sequelize Refunds Refund [Refund]']);
    assert.deepEqual(decls("export const Category = sequelize.define('Category', {}, { freezeTableName: true });"), ['sequelize Category Category [Category]']);
    assert.deepEqual(decls('@Schema() export class Product {}\nexport const ProductSchema = SchemaFactory.createForClass(Product);'), ['mongoose products Product [Product,ProductSchema]']);
    assert.deepEqual(decls("export const Review = model('Review', reviewSchema);"), ['mongoose reviews Review [Review]']);
    assert.deepEqual(decls("export const users = pgTable('users', { id: serial('id') });"), ['drizzle users - [users]']);
    assert.deepEqual(decls("export const invoices = billing.table('invoices', { id: serial('id') });"), ['drizzle invoices - [invoices]']);
  });

  it('skips the walk for files that cannot mention a table', () => {
    assert.equal(extractFacts('/w/a.ts', "import { x } from './x';\nexport const y = x + 1; // update later\n").database, undefined);
  });
});

describe('database: Prisma schemas, drivers and presets', () => {
  it('reads models with @@map and @@schema, ignoring comments', () => {
    const schema = [
      'model Invoice {',
      '  id String @id // model Fake {',
      '  @@map("invoices")',
      '  @@schema("billing")',
      '}',
      '// model Commented {',
      'model Customer {',
      '  id String @id',
      '}',
    ].join('\n');
    assert.deepEqual(parsePrismaSchema(schema, 'prisma/schema.prisma').map((m) => `${m.model} ${m.table} ${m.line}`), [
      'Invoice billing.invoices 1',
      'Customer Customer 7',
    ]);
  });

  it('matches driver packages, subpaths, globs and generated clients', () => {
    const { drivers, unknown } = expandDrivers(['preset:all', 'preset:nope', 'my-db']);
    assert.deepEqual(unknown, [{ entry: 'preset:nope', index: 1 }]);
    const m = new DriverMatcher(drivers);
    assert.equal(m.match('pg'), 'pg');
    assert.equal(m.match('drizzle-orm/pg-core'), 'drizzle-orm');
    assert.equal(m.match('@prisma/client/runtime/library'), '@prisma/client');
    assert.equal(m.match('.prisma/client'), '.prisma/client');
    assert.equal(m.match('../generated/prisma', 'src/generated/prisma/index.ts'), '../generated/prisma');
    assert.equal(m.match('my-db'), 'my-db');
    assert.equal(m.match('node:sqlite'), 'node:sqlite');
    assert.equal(m.match('pg-format'), undefined);
    assert.equal(m.match('./pg'), undefined);
    assert.equal(m.match('@nestjs/common'), undefined);
  });
});
