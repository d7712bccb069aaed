import * as assert from 'node:assert/strict';
import { sqlTables, startsLikeSql } from '../../src/engine/extract/database/sql-tables';

const tables = (sql: string): string[] => sqlTables(sql).map((t) => t.name);

describe('database: tables named in SQL text', () => {
  it('finds FROM, JOIN, INSERT INTO, UPDATE … SET, DELETE FROM', () => {
    assert.deepEqual(tables('SELECT id, total FROM invoices WHERE customer_id = $1'), ['invoices']);
    assert.deepEqual(tables('select o.id from orders o join invoices i on i.order_id = o.id left outer join payments p using (invoice_id)'), ['orders', 'invoices', 'payments']);
    assert.deepEqual(tables('INSERT INTO invoices (id, total) VALUES ($1, $2) RETURNING id'), ['invoices']);
    assert.deepEqual(tables('UPDATE invoices SET status = $1 WHERE id = $2'), ['invoices']);
    assert.deepEqual(tables('update invoices as i set status = ? where i.id = ?'), ['invoices']);
    assert.deepEqual(tables('DELETE FROM invoices WHERE id = ?'), ['invoices']);
    assert.deepEqual(tables('MERGE INTO invoices t USING staged_invoices s ON t.id = s.id WHEN MATCHED THEN UPDATE SET total = s.total'), ['invoices', 'staged_invoices']);
  });

  it('reads comma lists, schema-qualified and quoted names', () => {
    assert.deepEqual(tables('SELECT * FROM orders o, invoices AS i, payments WHERE 1 = 1'), ['orders', 'invoices', 'payments']);
    assert.deepEqual(tables('SELECT * FROM billing.invoices'), ['billing.invoices']);
    assert.deepEqual(tables('SELECT * FROM "billing"."Invoice" JOIN `shop`.`orders` ON 1=1 JOIN [dbo].[Payments] p ON 1=1'), ['billing.Invoice', 'shop.orders', 'dbo.Payments']);
    assert.deepEqual(tables('SELECT * FROM ONLY invoices'), ['invoices']);
  });

  it('finds subqueries, DDL and foreign keys', () => {
    assert.deepEqual(tables('SELECT * FROM orders WHERE invoice_id IN (SELECT id FROM invoices WHERE paid)'), ['orders', 'invoices']);
    assert.deepEqual(tables('SELECT COALESCE((SELECT sum(total) FROM invoices), 0)'), ['invoices']);
    assert.deepEqual(tables('TRUNCATE TABLE invoices'), ['invoices']);
    assert.deepEqual(tables('truncate invoices, payments'), ['invoices']);
    assert.deepEqual(tables('CREATE TABLE IF NOT EXISTS shipments (id int, order_id int REFERENCES orders(id))'), ['shipments', 'orders']);
    assert.deepEqual(tables('ALTER TABLE ONLY invoices ADD COLUMN x int'), ['invoices']);
  });

  it('gives offsets of the name itself', () => {
    const sql = 'SELECT * FROM "billing".invoices i';
    const [ref] = sqlTables(sql);
    assert.equal(sql.slice(ref.start, ref.end), '"billing".invoices');
  });

  it('does not take columns, aliases, functions, CTEs or parameters for tables', () => {
    assert.deepEqual(tables('SELECT invoices, invoices.total FROM orders'), ['orders']);
    assert.deepEqual(tables('SELECT extract(year from created_at), substring(name from 2 for 3), trim(both from code) FROM orders'), ['orders']);
    assert.deepEqual(tables('SELECT * FROM generate_series(1, 10) AS g JOIN unnest($1::int[]) u ON true'), []);
    assert.deepEqual(tables('WITH recent AS (SELECT * FROM orders), totals (id, s) AS (SELECT id, 1 FROM recent) SELECT * FROM totals JOIN recent USING (id)'), ['orders']);
    assert.deepEqual(tables('SELECT * FROM ?'), []);
    assert.deepEqual(tables('SELECT a IS DISTINCT FROM b FROM orders'), ['orders']);
    assert.deepEqual(tables('SELECT * FROM orders FOR UPDATE OF orders SKIP LOCKED'), ['orders']);
    assert.deepEqual(tables('INSERT INTO orders (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET id = excluded.id'), ['orders']);
    assert.deepEqual(tables('SELECT total INTO v_total FROM orders'), ['orders']);
    assert.deepEqual(tables('SELECT * FROM (SELECT 1) AS sub'), []);
    assert.deepEqual(tables('SELECT 1 FROM dual'), []);
  });

  it('ignores SQL comments and string literals', () => {
    assert.deepEqual(tables("SELECT * FROM orders -- JOIN invoices later\nWHERE note <> 'from invoices' /* FROM payments */"), ['orders']);
    assert.deepEqual(tables("SELECT * FROM orders WHERE s = 'it''s FROM invoices' AND t = E'x\\' FROM payments'"), ['orders']);
  });

  it('treats a substitution as unknown, but keeps a known table after a dynamic schema', () => {
    assert.deepEqual(tables('SELECT * FROM ?       WHERE id = 1'), []);
    assert.deepEqual(tables('SELECT * FROM ?      .invoices'), ['?.invoices']);
    assert.deepEqual(tables('SELECT * FROM billing.?'), []);
  });

  it('does not read prose as SQL', () => {
    assert.deepEqual(tables('Please update the invoices before shipping'), []);
    assert.equal(startsLikeSql('  \n  SELECT 1'), true);
    assert.equal(startsLikeSql('(select 1)'), true);
    assert.equal(startsLikeSql('Could not select from invoices'), false);
    assert.equal(startsLikeSql('selection from invoices'), false);
    assert.equal(startsLikeSql('Delete from cart'), false);
    assert.equal(startsLikeSql('Update invoices set by the admin'), false);
    assert.equal(startsLikeSql('delete from cart where id = $1'), true);
    assert.equal(startsLikeSql('DELETE FROM cart'), true);
  });
});
