import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { ts } from 'ts-morph';
import { extractDatabaseFacts, mayMentionDatabase } from '../../src/engine/extract/database/extract-database-facts';
import { sqlTables, startsLikeSql } from '../../src/engine/extract/database/sql-tables';
import { extractFacts } from '../../src/engine/extract/extract-facts';

const RUNS = Number(process.env.BULKHEAD_FUZZ_RUNS ?? 300);

/** Words the extractor gives a meaning to; a generated unquoted name must not be one of them. */
const KEYWORDS = new Set(
  (
    'select insert update delete merge with from join into table where set values on using lateral only as ' +
    'left right inner outer full cross natural straight_join group order by limit offset having union except intersect ' +
    'returning window for and or not in is null default if exists do conflict when then else end fetch ' +
    'dual case distinct all any some unnest rows row nowait skip locked share of key no action cascade restrict ' +
    'ignore low_priority materialized truncate alter create drop lock references replace count extract'
  ).split(' '),
);
/** The name generated CTEs take, so that no generated table is shadowed by one. */
const CTE_NAME = 'recent';

const randomCase = (word: string): fc.Arbitrary<string> =>
  fc.array(fc.boolean(), { minLength: word.length, maxLength: word.length }).map((upper) => [...word].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join(''));
/** A keyword as SQL writes it (one case) or in any casing at all. */
const keywordCasing = fc.constantFrom<'upper' | 'lower' | 'mixed'>('upper', 'lower', 'mixed');
const inCase = (word: string, casing: 'upper' | 'lower' | 'mixed'): fc.Arbitrary<string> =>
  casing === 'upper' ? fc.constant(word.toUpperCase()) : casing === 'lower' ? fc.constant(word) : randomCase(word);

const identifier = fc
  .stringMatching(/^[a-z_][a-z0-9_$]{0,9}$/)
  .filter((s) => !KEYWORDS.has(s) && s !== CTE_NAME)
  .chain(randomCase);
const quotedContent = fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_ -]{0,8}[A-Za-z0-9_]$/);

/** A table name as written and as the extractor reports it (unquoted, parts joined with `.`). */
interface WrittenName {
  text: string;
  name: string;
}
const namePart: fc.Arbitrary<WrittenName> = fc.oneof(
  { weight: 4, arbitrary: identifier.map((s) => ({ text: s, name: s })) },
  { weight: 1, arbitrary: fc.oneof(quotedContent, fc.constantFrom(...KEYWORDS)).filter((s) => s.toLowerCase() !== CTE_NAME).map((s) => ({ text: `"${s}"`, name: s })) },
  { weight: 1, arbitrary: fc.oneof(quotedContent, fc.constantFrom(...KEYWORDS)).filter((s) => s.toLowerCase() !== CTE_NAME).map((s) => ({ text: `\`${s}\``, name: s })) },
  { weight: 1, arbitrary: identifier.map((s) => ({ text: `[${s}]`, name: s })) },
);
const tableName: fc.Arbitrary<WrittenName> = fc
  .tuple(fc.option(namePart, { nil: undefined }), namePart, fc.constantFrom('.', '.', ' . ', '\n.'))
  .map(([schema, table, dot]) => (schema ? { text: `${schema.text}${dot}${table.text}`, name: `${schema.name}.${table.name}` } : table));

/** A comment or string literal between tokens; each names a decoy table the extractor must skip. */
const decoy = fc.constantFrom("'from decoy'", "'it''s FROM decoy'", '/* JOIN decoy */', '-- FROM decoy\n', '/* multi\nline FROM decoy */');
const separator = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(' ', '  ', '\n', '\t', '\r\n', ' \n    ') },
  { weight: 1, arbitrary: fc.constantFrom('/* c */', '/**/', '-- note\n').map((c) => ` ${c} `) },
);

/** One piece of a statement: SQL text, or a table name the extractor must report. */
type Piece = string | WrittenName;
interface Statement {
  pieces: Piece[];
  /** How the statement's first keyword is cased, which decides whether a plain literal reads as SQL. */
  casing: 'upper' | 'lower' | 'mixed';
}

const alias = fc.option(fc.tuple(fc.boolean(), identifier).map(([as, name]) => (as ? ['AS', name] : [name])), { nil: undefined });
const condition = fc.oneof(
  fc.constant(['id', '=', '$1']),
  fc.constant(['x.total', '>', '?']),
  fc.constant(['status', 'IN', '(', "'open'", ',', "'paid'", ')']),
  decoy.map((d) => ['note', '<>', d.startsWith("'") ? d : `'x' ${d}`]),
  fc.constant(['code', '=', ':code', 'AND', 'extract(year from created_at)', '=', '@year']),
);
const where = fc.option(condition.map((c) => ['WHERE', ...c]), { nil: undefined });
const columns: fc.Arbitrary<string[]> = fc.constantFrom<string[]>(['*'], ['id', ',', 'total'], ['count(*)', 'AS', 'n'], ['a.id', ',', 'b.name'], ['distinct', 'id']);

const statement: fc.Arbitrary<Statement> = fc.record({
  casing: keywordCasing,
  shape: fc.oneof(
    fc.record({ kind: fc.constant('select' as const), cols: columns, from: fc.array(fc.tuple(tableName, alias), { minLength: 1, maxLength: 3 }), joins: fc.array(fc.tuple(fc.constantFrom(['JOIN'], ['LEFT', 'JOIN'], ['inner', 'join'], ['LEFT', 'OUTER', 'JOIN']), tableName, alias), { maxLength: 2 }), where, cte: fc.option(fc.tuple(randomCase(CTE_NAME), tableName), { nil: undefined }) }),
    fc.record({ kind: fc.constant('insert' as const), table: tableName, where: fc.constant(undefined) }),
    fc.record({ kind: fc.constant('update' as const), table: tableName, alias, where }),
    fc.record({ kind: fc.constant('delete' as const), table: tableName, where }),
  ),
}).chain(({ casing, shape }) => {
  const pieces: Piece[] = [];
  const opt = (words: string[] | undefined): string[] => words ?? [];
  switch (shape.kind) {
    case 'select': {
      const cte = shape.cte;
      if (cte) pieces.push('WITH', cte[0], 'AS', '(', 'SELECT', '*', 'FROM', cte[1], ')');
      pieces.push('SELECT', ...shape.cols, 'FROM');
      shape.from.forEach(([t, a], i) => pieces.push(...(i > 0 ? [','] : []), t, ...opt(a)));
      for (const [words, t, a] of shape.joins) pieces.push(...words, t, ...opt(a), 'ON', 'x.id', '=', 'y.id');
      if (cte) pieces.push('JOIN', cte[0], 'USING', '(', 'id', ')');
      break;
    }
    case 'insert':
      pieces.push('INSERT', 'INTO', shape.table, '(', 'id', ',', 'total', ')', 'VALUES', '(', '$1', ',', '$2', ')');
      break;
    case 'update':
      pieces.push('UPDATE', shape.table, ...opt(shape.alias), 'SET', 'status', '=', '$1');
      break;
    case 'delete':
      pieces.push('DELETE', 'FROM', shape.table);
      break;
  }
  pieces.push(...opt(shape.where));
  // Keywords of the grammar are re-cased; the first one decides whether a literal starts like SQL.
  const keywords = new Set(['with', 'as', 'select', 'from', 'join', 'left', 'outer', 'inner', 'on', 'using', 'insert', 'into', 'values', 'update', 'set', 'delete', 'where', 'in', 'and', 'distinct']);
  return fc
    .tuple(...pieces.map((p, i) => (typeof p === 'string' && keywords.has(p.toLowerCase()) ? inCase(p.toLowerCase(), i === 0 ? casing : 'mixed') : fc.constant(p))))
    .map((recased) => ({ pieces: recased, casing }));
});

/** Joins the pieces with random separators; returns the text and where each expected table sits. */
const render = (st: Statement): fc.Arbitrary<{ text: string; expected: { name: string; text: string; start: number }[] }> =>
  fc.array(separator, { minLength: st.pieces.length, maxLength: st.pieces.length }).map((seps) => {
    let text = '';
    const expected: { name: string; text: string; start: number }[] = [];
    st.pieces.forEach((p, i) => {
      if (i > 0) text += seps[i];
      if (typeof p === 'string') text += p;
      else {
        expected.push({ name: p.name, text: p.text, start: text.length });
        text += p.text;
      }
    });
    return { text, expected };
  });

const renderedStatement = statement.chain((st) => render(st).map((r) => ({ ...r, casing: st.casing })));

const sqlSoupToken = fc.oneof(
  fc.constantFrom(...KEYWORDS),
  fc.constantFrom('(', ')', ',', '.', ';', "'", '"', '`', '[', ']', '$1', '?', ':x', '@p', '::', '--', '/*', '*/', '\\', '${', '}', "E'", "N'", '$$', '0.5e3'),
  identifier,
  fc.string({ maxLength: 4 }),
);
const sqlSoup = fc.array(fc.tuple(sqlSoupToken, fc.constantFrom(' ', '', '\n', '\t')), { maxLength: 40 }).map((parts) => parts.map(([t, s]) => t + s).join(''));

const parse = (text: string): ts.SourceFile => ts.createSourceFile('a.ts', text, ts.ScriptTarget.Latest, false);
const databaseFacts = (text: string) => extractDatabaseFacts(parse(text));

describe('robustness: SQL table extractor and database facts under fuzzing', function () {
  this.timeout(30_000);

  it('never throws on arbitrary text and gives the same tables twice, inside the text', () => {
    const anyText = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), sqlSoup);
    fc.assert(
      fc.property(anyText, (text) => {
        const a = sqlTables(text);
        assert.deepEqual(sqlTables(text), a);
        assert.equal(typeof startsLikeSql(text), 'boolean');
        for (const ref of a) {
          assert.ok(ref.start >= 0 && ref.start < ref.end && ref.end <= text.length, `${ref.start}..${ref.end} of ${text.length}`);
          assert.ok(ref.name.length > 0, 'a table name is never empty');
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('found by fuzzing: an empty or unterminated quoted name is no table', () => {
    assert.deepEqual(sqlTables('references " '), []);
    assert.deepEqual(sqlTables('SELECT * FROM "" WHERE 1 = 1'), []);
    assert.deepEqual(sqlTables('SELECT * FROM billing."" JOIN invoices ON true'), [{ name: 'invoices', start: 30, end: 38 }]);
  });

  it('found by fuzzing: half-typed `sequelize.models.` names no model', () => {
    assert.equal(databaseFacts('sequelize.models.'), undefined);
    assert.deepEqual(databaseFacts('sequelize.models.;\nprisma.invoice.findMany()')?.references.map((r) => `${r.kind} ${r.name}`), ['prisma invoice']);
  });

  it('reports exactly the tables of generated statements, at their written names', () => {
    fc.assert(
      fc.property(renderedStatement, ({ text, expected }) => {
        const refs = sqlTables(text);
        assert.deepEqual(refs.map((r) => r.name), expected.map((e) => e.name), text);
        refs.forEach((r, i) => assert.equal(text.slice(r.start, r.end), expected[i].text));
      }),
      { numRuns: RUNS },
    );
  });

  it('reports exactly the tables of generated statements embedded in TypeScript code', () => {
    const filler = fc.constantFrom(
      'const total = items.reduce((a, b) => a + b, 0);',
      '// SELECT * FROM decoy',
      "logger.warn('Delete from decoy failed for ' + id);",
      'console.log(`select * from decoy took ${ms} ms`);',
      "throw new Error('UPDATE decoy SET paid failed');",
      "const help = 'Please update the decoy before shipping';",
      "const parts = Array.from(set); const p = path.join(a, 'from');",
      'export function f(x: number): number { return x * 2; }',
      "import { thing } from './select from decoy';",
      'type Row = { from: string; into: number };',
    );
    const embedding = fc.constantFrom('query', 'tagged', 'variable', 'concatenated');
    const snippet = fc.tuple(renderedStatement, embedding).map(([st, how]) => {
      // Inside a template literal only backticks need escaping; JS escapes read as blanks in SQL.
      const body = st.text.replace(/`/g, '\\`');
      // A plain literal counts as SQL only when it starts like a statement (one-case first keyword).
      const how2 = (how === 'variable' || how === 'concatenated') && st.casing === 'mixed' ? 'query' : how;
      const code =
        how2 === 'query' ? `await db.query(\`${body}\`);` : how2 === 'tagged' ? `const rows = await sql\`${body}\`;` : how2 === 'variable' ? `const q = \`${body}\`;` : `const q = \`${body}\` + ' ';`;
      return { code, expected: st.expected };
    });
    fc.assert(
      fc.property(fc.array(fc.oneof(filler.map((code) => ({ code, expected: [] as { name: string; text: string }[] })), snippet), { maxLength: 6 }), (parts) => {
        const text = parts.map((p) => p.code).join('\n');
        const sf = parse(text);
        const refs = (databaseFacts(text)?.references ?? []).filter((r) => r.kind === 'sql');
        const expected = parts.flatMap((p) => p.expected);
        assert.deepEqual(refs.map((r) => r.name), expected.map((e) => e.name), text);
        refs.forEach((r, i) => {
          const start = sf.getPositionOfLineAndCharacter(r.range.start.line - 1, r.range.start.column - 1);
          const end = sf.getPositionOfLineAndCharacter(r.range.end.line - 1, r.range.end.column - 1);
          assert.equal(text.slice(start, end).replace(/\\`/g, '`'), expected[i].text);
        });
        if (expected.length > 0) assert.ok(mayMentionDatabase(text), 'the cheap pre-test lets the file through');
      }),
      { numRuns: RUNS },
    );
  });

  it('reads no tables from prose and messages, whatever their case and spacing', () => {
    const space = fc.constantFrom(' ', '  ', '\t');
    const sentence = (first: string, rest: string[]) =>
      fc
        .tuple(
          // A sentence capitalises its first word; any casing but all-upper or all-lower is prose.
          randomCase(first).filter((w) => w !== w.toUpperCase() && w !== w.toLowerCase()),
          fc.tuple(...rest.map(randomCase)),
          fc.array(space, { minLength: rest.length, maxLength: rest.length }),
        )
        .map(([head, words, gaps]) => [head, ...words].reduce((acc, w, i) => (i === 0 ? w : acc + gaps[i - 1] + w), ''));
    const prose = fc.oneof(
      sentence('delete', ['from', 'cart']),
      sentence('select', ['from', 'products', 'below']),
      sentence('update', ['invoices', 'set', 'by', 'the', 'admin']),
      sentence('insert', ['into', 'orders', 'failed']),
      sentence('with', ['invoices', 'from', 'billing']),
    );
    const anyCase = fc.oneof(
      fc.constantFrom('select * from invoices', 'delete from invoices failed', 'UPDATE invoices SET paid', 'insert into orders'),
      fc.constantFrom('Please update the invoices', 'Could not select from invoices', 'selection from invoices').chain(randomCase),
    ).chain(randomCase);
    const code = fc.oneof(
      prose.map((p) => `const message = '${p}';`),
      prose.map((p) => `return \`${p}\`;`),
      prose.map((p) => `const m = { text: "${p}" };`),
      anyCase.map((p) => `console.log('${p}');`),
      anyCase.map((p) => `this.logger.error(\`${p} \${id}\`);`),
      anyCase.map((p) => `log('${p}' + id);`),
      anyCase.map((p) => `throw new Error('${p}');`),
      anyCase.map((p) => `const help = '${p.replace(/^\s*(select|insert|update|delete)\b/i, 'Please $1')}';`),
    );
    fc.assert(
      fc.property(fc.array(code, { minLength: 1, maxLength: 4 }), (lines) => {
        const text = lines.join('\n');
        assert.deepEqual(databaseFacts(text)?.references ?? [], [], text);
      }),
      { numRuns: RUNS },
    );
  });

  it('extracts database facts from random TypeScript without throwing, deterministically', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        "prisma.invoice.findMany({ where: { id } })",
        "knex('invoices').where({ id })",
        "db.select().from(invoices)",
        "@Entity('orders') export class Order { @Column() id!: number }",
        "sequelize.define('Invoice', { id: DataTypes.INTEGER }, { tableName: 'invoices' })",
        "mongoose.model('Invoice', schema)",
        "export const invoices = pgTable('invoices', { id: serial('id') });",
        "await pool.query('SELECT * FROM invoices WHERE id = $1', [id]);",
        'const q = sql`SELECT * FROM ${table} JOIN payments ON true`;',
        "getRepository('Invoice').find()",
        '@InjectModel(Invoice.name) private readonly model: Model<Invoice>',
        "const a = new Schema({ name: String }); export const M = model('M', a);",
        'sequelize.models.Invoice.findAll()',
        "qb.leftJoin('products as p', 'p.id', 'o.product_id')",
        '`${', '}`', '"', "'", '(', ')', '{', '}', ';', '\n', '/*', '*/', '//', '@', '<', '>', '=>',
      ),
      sqlSoup,
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.nat(), (pieces, cut) => {
        const full = pieces.join(' ');
        // Cut at a random point too: half-typed code is what the editor checks most.
        const text = full.slice(0, full.length === 0 ? 0 : cut % (full.length + 1));
        const a = databaseFacts(text);
        assert.deepEqual(databaseFacts(text), a);
        assert.deepEqual(extractFacts('/w/a.ts', text).database, extractFacts('/w/a.ts', text).database);
        const lines = text.split(/\r\n|\r|\n|\u2028|\u2029/).length;
        for (const r of a?.references ?? []) {
          assert.ok(r.range.start.line >= 1 && r.range.end.line <= lines && r.name.length > 0, JSON.stringify(r));
        }
      }),
      { numRuns: RUNS },
    );
  });
});
