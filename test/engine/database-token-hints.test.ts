import * as assert from 'node:assert/strict';
import { parseFacts } from '../../src/engine/extract/extract-facts';
import { scanFacts } from '../../src/engine/extract/scan-facts';

/**
 * Each line is a file of its own. Those the database walk finds facts in must be declined by the
 * scanner (else the facts are silently lost); those without facts, words that only look like
 * database code, must stay on the fast path (issue 16: 42% of VS Code's files were declined).
 */
const WITH_FACTS = [
  "qb.leftJoin('invoices', 'i.id', 'o.invoice_id');",
  "knex('invoices').where({ id });",
  "this.knex('invoices');",
  "db.from('billing.invoices as i');",
  "await this.prisma.invoice.findMany();",
  "await tx.invoice.delete({ where: { id } });",
  "const client = getClient(); client.user.update({});",
  "(await this.db.client()).order.findMany();",
  "getRepository<Invoice>('Invoice');",
  "export const invoices = pgTable('invoices', { id: serial('id') });",
  "sequelize.define('Invoice', { total: DataTypes.INTEGER });",
  "Invoice.init({ total: DataTypes.INTEGER }, { sequelize });",
  "mongoose.model('Invoice', schema);",
  "await pool.query('/* report */ select * from invoices');",
  "knex<Invoice>('invoices').first();",
  "await db.execute(sql`select 1 from invoices`);",
  "const rows = sql`select * from invoices`;",
  "const q = 'SELECT id FROM invoices';",
  "@Entity() export class Invoice {}",
  "const x = sequelize.models.Invoice;",
  "models.Invoice.findAll();",
  "this.prisma.$queryRaw`select * from invoices`;",
  "client.collection('invoices');",
  // a SQL call's string is SQL whatever it starts with: a table word is enough
  "await knex.raw('Update carts set total = 0');",
  "await db.query(`${cte} select * from invoices`);",
  "await db.exec?.('truncate audit_log');",
  "await db.query('select 1; ' + 'delete from carts');",
  // a concatenation that starts like SQL is SQL throughout
  "const q = 'DELETE ' + 'FROM carts';",
  "const q = ('SELECT *') + ' FROM invoices';",
  // the Sequelize shapes: a bare `models` only with a model method called on its model
  "const x = db.models['Invoice'];",
  "this.models.Invoice;",
  "await models.Invoice.findAll?.();",
  "models.Invoice.findOne<Invoice>({});",
  // a Prisma client reached through `this`, or a property named `this`
  "await this.prisma.user.delete({});",
  "await prisma.this.user.delete({});",
  // a statement-like string that does name a table
  "it('update invoices set total = 0', () => {});",
];

const WITHOUT_FACTS = [
  "const p = path.join(__dirname, 'dist');",
  "const s = parts.join(', ');",
  "const s = parts.join('invoices');",
  "export const r = remoteQuery({ entryPoint: 'order' });",
  "export const q = validateAndTransformQuery(schema, config);",
  "const id = transaction.id;",
  "const m = model.define;",
  "const c = client.connect();",
  "this.logger.info(query.fields);",
  "export const rows = Array.from(items);",
  "export const t = this.from('invoices');",
  "export const e = service.execute.bind(service);",
  "const x = init();",
  "const u = users.find((u) => u.id === id);",
  // SQL calls whose strings name no table, and prose that starts with a statement's word
  "await exec('git status --short');",
  "child.exec(`rm -rf ${dir}`);",
  "await run.execute(input, context);",
  "await db.query(sqlText);",
  "const label = 'Select a currency';",
  "const title = `Update a ${name}`;",
  "export const m = { delete: 'Delete the region' };",
  "this.emit('update', { id });",
  "export const methods = ['delete', 'update', 'select'];",
  "const action = kind === 'delete' ? remove : save;",
  // issue 16 on theia: shapes near the Sequelize and Prisma ones
  "export const ids = models.map((m) => m.id);",
  "export const ready = models.some((m) => m.ready);",
  "export const first = models['Invoice'];",
  "export const n = models.Invoice.length;",
  "const client = db.connect(); this.clients.delete(client);",
  "const client = db.connect(); this?.streams.delete(client);",
  "it('update maps to updateValue', () => {});",
  "export const q = 'update all the caches';",
];

/**
 * SQL in literals whose place the tokens tell for certain: a template tagged by a chain of names,
 * a call's whole argument. The scanner reads their tables as the detector does.
 */
const READ_FROM_TOKENS = [
  "const rows = sql`select * from invoices`;",
  "await db.execute(sql`select 1 from invoices`);",
  "export const byStatus = (s: string) => sql`SELECT id FROM invoices WHERE status = ${s} AND x IN (SELECT y FROM carts)`;",
  "await pool.query('/* report */ select * from invoices');",
  "await knex.raw('Update carts set total = 0');",
  "await db.query(`${cte} select * from invoices`, [a]);",
  "await this.exec(`UPDATE carts SET a = 1 WHERE id = $1`, [id]);",
  "export const f = () => pg.sql`select * from \\\"orders\\\"`;",
  "await client.query(format('SELECT id FROM invoices'), []);",
  "this.repo.run('DELETE FROM carts', 1);",
];

/** TypeORM entity classes in the shape the tokens read: `@Entity()` or `@Entity('t')` on a class declaration. */
const ENTITIES_FROM_TOKENS = [
  "@Entity('invoices')\nexport class Invoice {\n  @PrimaryColumn() id!: string;\n  @Column() total!: number;\n}",
  '@Entity()\nexport class LineItem {}',
  "@Index(['a', 'b'])\n@Entity('carts')\n@Unique(['c'])\nexport class Cart {}",
  "@orm.Entity('orders')\nclass Order {}",
  "@Entity('refunds') export default class Refund {}",
  "function make() {\n  @Entity('inner')\n  class Inner {}\n  return Inner;\n}",
  // MikroORM/TypeORM options objects: name, tableName, collection (in that order), schema
  "@Entity({ name: 'invoices', schema: 'billing' })\nexport class Invoice {}",
  '@Entity({ tableName: "cart_line_item", comment: f({ name: \'x\' }, 1) })\nexport class LineItem {}',
  "@Entity({ abstract: true, meta: { a: 1, tableName: 'nested' } })\nexport class Base {}",
  "@Entity({ collection: `events`, tableName: 'logs', name: build('n'), name: 'first' },)\nexport default class Event {}",
  // after a statement that ended at a line break (medusa's models, after an index helper's call)
  "const Index = helper({ tableName: 'api_key' })\n\n@Entity()\nexport default class ApiKey {}",
];

/** Entity decorators in other shapes: declined as before. */
const ENTITIES_DECLINED = [
  "@Entity({ name: `invoices${n}` }, 'x')\nexport class Invoice {}",
  // a class expression's decorators go on across line breaks; after `a` and a line break, `!` is a prefix
  "export const k =\n  @Column()\n  @Entity()\n  class A {}",
  "a\n!\n@Injectable\n@Entity()\nclass A {}",
  // `of` ends an expression elsewhere, but here an operand follows on the next line
  "for (const x of\n@Entity() class A {}) x;",
  "@Entity('invoices', { synchronize: false })\nexport class Invoice {}",
  '@Entity(`invoices`)\nexport class Invoice {}',
  "@Entity('a')\n@Entity('b')\nexport class Twice {}",
  "@Entity('invoices')\nexport abstract class Invoice {}",
  "export default @Entity('invoices') class Invoice {}",
  "export @Entity('tickets') class Ticket {}",
  "@Entity('invoices')\nexport default class {}",
];

/** Literals in places the tokens do not tell for certain: declined as before. */
const DECLINED_SQL = [
  "await db.exec?.('truncate audit_log');",
  "await db.query('select 1; ' + 'delete from carts');",
  "const q = 'SELECT id FROM invoices';",
  "await run<Row>('SELECT id FROM invoices');",
  "await f()('SELECT id FROM invoices');",
  "export const g = (x: string) => sql.type(x)`select * from invoices`;",
  "export const r = [a, 'SELECT id FROM invoices'];",
];

/** SQL calls with type arguments: every later literal that can name a table declines (issue 16). */
const TYPED_SQL_CALLS_DECLINED = [
  "await db.query<Row>('id FROM invoices');",
  "await db.query<Row>(`${cte} select * from invoices`, [a]);",
  "await db.execute<{ n: number }>(fmt(a), 'update carts set n = 1');",
];

/** Methods declared with type parameters, or typed calls without a literal that names a table: no facts, on the fast path. */
const TYPED_SQL_CALLS_KEPT = [
  "export interface Store {\n  query<const T extends string>(q: T): Promise<T>\n}\nexport const label = 'update the list';",
  "export class Lock {\n  async execute<T>(job: () => Promise<T>): Promise<T> { return job() }\n}",
  "export const rows = await db.query<Row>(statement, [id]);",
];

/** A literal that is only part of an argument is no call's argument to the detector: never read as one. */
const PART_OF_AN_ARGUMENT = [
  "await db.run('SELECT id FROM invoices'.trim());",
  "await db.run('SELECT id FROM invoices' as string);",
  "await db.run(`SELECT id FROM invoices`[0]);",
];

/** Literals the detector does not read as SQL, whatever they say: no facts, on the fast path. */
const NOT_SQL = [
  "throw new Error('SELECT id FROM invoices failed');",
  "this.logger.warn('DELETE FROM carts took too long');",
  "console.log(`UPDATE carts SET ${x}`);",
  "export const html = htm`SELECT from invoices`;",
  "el.insertAdjacentHTML('beforeend', 'Update from the server');",
];

describe('database hints from tokens (issue 16)', () => {
  for (const line of WITH_FACTS) {
    it(`declines a file with facts, or reads the same facts from its tokens: ${line}`, () => {
      const file = `/ws/src/a.ts`;
      const text = `import { x } from './x';\n${line}\n`;
      const parsed = parseFacts(file, text);
      assert.ok(parsed.database, 'the walk finds a fact here');
      const scanned = scanFacts(file, text);
      if (scanned) assert.deepEqual(scanned, (({ syntaxError: _s, ...rest }) => rest)(parsed));
    });
  }
  for (const line of READ_FROM_TOKENS) {
    it(`reads SQL tables from the tokens as the walk does: ${line}`, () => {
      const file = `/ws/src/a.ts`;
      const text = `import { x } from './x';\n${line}\n`;
      const parsed = parseFacts(file, text);
      assert.ok(parsed.database, 'the walk finds a fact here');
      assert.deepEqual(scanFacts(file, text), (({ syntaxError: _s, ...rest }) => rest)(parsed));
    });
  }
  for (const line of DECLINED_SQL) {
    it(`declines SQL whose place the tokens do not tell: ${line}`, () => {
      const file = `/ws/src/a.ts`;
      const text = `import { x } from './x';\n${line}\n`;
      assert.ok(parseFacts(file, text).database, 'the walk finds a fact here');
      assert.equal(scanFacts(file, text), undefined);
    });
  }
  for (const source of ENTITIES_FROM_TOKENS) {
    it(`reads an entity class from the tokens as the walk does: ${source.split('\n')[0]}`, () => {
      const file = `/ws/src/a.ts`;
      const text = `import { Entity, Column } from 'typeorm';\n${source}\n`;
      const parsed = parseFacts(file, text);
      assert.equal(parsed.database?.declarations.length, 1, 'the walk finds the entity here');
      assert.deepEqual(scanFacts(file, text), (({ syntaxError: _s, ...rest }) => rest)(parsed));
    });
  }
  for (const source of ENTITIES_DECLINED) {
    it(`declines an entity decorator in another shape: ${source.split('\n')[0]}`, () => {
      const file = `/ws/src/a.ts`;
      const text = `import { Entity } from 'typeorm';\n${source}\n`;
      assert.equal(scanFacts(file, text), undefined);
    });
  }
  for (const line of TYPED_SQL_CALLS_DECLINED) {
    it(`declines a literal after a SQL call with type arguments: ${line}`, () => {
      const file = `/ws/src/a.ts`;
      const text = `import { x } from './x';\n${line}\n`;
      assert.ok(parseFacts(file, text).database, 'the walk finds a fact here');
      assert.equal(scanFacts(file, text), undefined);
    });
  }
  for (const source of TYPED_SQL_CALLS_KEPT) {
    it(`keeps type parameters and typed calls without table literals on the fast path: ${source.split('\n')[0]}`, () => {
      const file = `/ws/src/a.ts`;
      const text = `import { x } from './x';\n${source}\n`;
      const scanned = scanFacts(file, text);
      assert.ok(scanned, 'the fast path declined');
      assert.deepEqual(scanned, (({ syntaxError: _s, ...rest }) => rest)(parseFacts(file, text)));
    });
  }
  for (const line of PART_OF_AN_ARGUMENT) {
    it(`declines or agrees with the walk where a literal is only part of an argument: ${line}`, () => {
      const file = `/ws/src/a.ts`;
      const text = `import { x } from './x';\n${line}\n`;
      const scanned = scanFacts(file, text);
      if (scanned) assert.deepEqual(scanned, (({ syntaxError: _s, ...rest }) => rest)(parseFacts(file, text)));
    });
  }
  for (const line of NOT_SQL) {
    it(`keeps a literal the detector does not read as SQL on the fast path: ${line}`, () => {
      const file = `/ws/src/a.ts`;
      const text = `import { x } from './x';\n${line}\n`;
      assert.equal(parseFacts(file, text).database, undefined);
      assert.deepEqual(scanFacts(file, text), (({ syntaxError: _s, ...rest }) => rest)(parseFacts(file, text)));
    });
  }
  for (const line of WITHOUT_FACTS) {
    it(`keeps a file without facts on the fast path: ${line}`, () => {
      const file = `/ws/src/a.ts`;
      const text = `import { x } from './x';\n${line}\n`;
      assert.equal(parseFacts(file, text).database, undefined);
      assert.deepEqual(scanFacts(file, text), (({ syntaxError: _s, ...rest }) => rest)(parseFacts(file, text)));
    });
  }
});
