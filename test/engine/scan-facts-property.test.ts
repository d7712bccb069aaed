import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { ts } from 'ts-morph';
import { parseFacts } from '../../src/engine/extract/extract-facts';
import { scanFacts } from '../../src/engine/extract/scan-facts';

const RUNS = Number(process.env.BULKHEAD_FUZZ_RUNS ?? 1500);

// Generated statements are written with single spaces between tokens; each space is later
// replaced by random trivia (more spaces, line breaks, comments, nothing), so that line breaks
// land everywhere, ASI included. Literals in the grammar therefore never contain a space.

const name = fc.constantFrom('a', 'b', 'c', 'Foo', 'Bar', 'x1', '$y', '_z', 'ü', 'type', 'from', 'as', 'of', 'async', 'get');
const plainName = fc.constantFrom('a', 'b', 'c', 'Foo', 'Bar', 'x1', '$y', '_z', 'ü');
const spec = fc.constantFrom("'./a'", '"./b"', "'../c/d'", "'@scope/pkg'", "'./e\\u0041'", "'./f.js'", '"./g\'"');
const anyName = fc.oneof(name, fc.constantFrom('default', 'class', "'str'", '"with-dash"'));

const type = fc.constantFrom(
  'string', 'number[]', 'Map<string, number>', 'Array<Array<{ q: number }>>', '(x: number, y: string) => void',
  '{ a: string; b: number }', "'lit'", 'A | B', '<T>(t: T) => T', 'Record<string, Map<K, V>>', 'typeof a', 'keyof B',
  'void', '() => void', 'A\n| B', 'A extends B ? C : D', 'unique symbol', 'readonly string[]', '[a: A, b?: B]', 'T[K]',
);
const expr = fc.constantFrom(
  '1', "'s'", '`t${a}`', '`a${`b${c}`}d`', 'f<A, B>(x)', '(a, b) => a + b', 'x => x', 'function (a, b) { return a, b }',
  '{ a: 1, b: [1, 2] }', 'new Map<string, number>()', 'a < b', 'a > b', '/re,g[/]}/g', 'x / 2 / y', 'c ? a : b',
  "class { m() { return '}' } }", 'async () => { await x }', 'a.b.c(d, e)', '[a, , b]', '-1', '!a', 'a!', 'a as const',
  'a satisfies B', '{ ...a }', "'}' + \"{\"", '(1)', 'a++', '--a', 'typeof a', 'new Foo', 'a\n.b', 'a\n(b)', 'a\n[0]',
  'x\n`t`', 'void 0', 'new Map<K, V>', 'a <\nb', '<T,>(t: T) => t', 'import.meta', 'a\n!b',
  '<A extends Array<unknown>, B = Map<K, A>>(a: A): Map<A, B> => a', 'async <T>(t: T): Promise<T> => t', '(a): a is B => true',
  'c ? (x): T => x : y', 'c ? x : <T,>(t: T): T => t', '<Map<K, V>>v', 'a < b ? c : d', 'a ? b ? c : d : e', 'c ? <T>x : y',
  '(a: A): (b: B) => Map<K, V> => a', 'f<A>(x)', 'a\n? b\n: c', '(x): Y<A, B> => x', '(a)\n: T => a',
);
const body = fc.constantFrom(
  '', "return '}';", 'return `${a}}`;', 'const r = /[}{)(]/g;', 'if (a) { b(); } else { c(); }', "const s = \"'{\";",
  'return a / b / c;', "// }\nreturn 1;", '/* } */', 'for (const x of y) { z += x; }', 'return { a: [1, (2)] };',
  'const t = `${`${"}"}`}`;', 'label: { break label; }', 'x = a < b && c > d;',
);
const classBody = fc.array(
  fc.oneof(
    body.map((b) => `m() { ${b} }`),
    fc.constantFrom('p = 1;', "static s = '}';", 'private readonly q = new Map<string, number>();', 'constructor(private a: A) {}', 'get g() { return 1; }'),
  ),
  { maxLength: 3 },
).map((members) => members.join(' '));

const commaList = <T>(arb: fc.Arbitrary<T>, min = 0): fc.Arbitrary<string> =>
  fc.tuple(fc.array(arb, { minLength: min, maxLength: 4 }), fc.boolean()).map(([items, trailing]) => items.join(', ') + (trailing && items.length > 0 ? ',' : ''));

const importElement = fc.oneof(
  plainName, fc.tuple(anyName, plainName).map(([a, b]) => `${a} as ${b}`), plainName.map((n) => `type ${n}`),
  fc.tuple(anyName, plainName).map(([a, b]) => `type ${a} as ${b}`), fc.constant('type'),
);
const exportElement = fc.oneof(anyName, fc.tuple(anyName, anyName).map(([a, b]) => `${a} as ${b}`), name.map((n) => `type ${n}`));
const attributes = fc.constantFrom('', " with { type: 'json' }", " assert { type: 'json' }");

const importStatement = fc.oneof(
  fc.tuple(spec, attributes).map(([s, a]) => `import ${s}${a}`),
  fc.tuple(fc.constantFrom('', 'type '), name, spec, attributes).map(([t, n, s, a]) => `import ${t}${n} from ${s}${a}`),
  fc.tuple(fc.constantFrom('', 'type '), plainName, spec).map(([t, n, s]) => `import ${t}* as ${n} from ${s}`),
  fc.tuple(fc.constantFrom('', 'type '), commaList(importElement), spec, attributes).map(([t, e, s, a]) => `import ${t}{ ${e} } from ${s}${a}`),
  fc.tuple(plainName, commaList(importElement), spec).map(([d, e, s]) => `import ${d}, { ${e} } from ${s}`),
  fc.tuple(plainName, plainName, spec).map(([d, n, s]) => `import ${d}, * as ${n} from ${s}`),
  fc.tuple(fc.constantFrom('', 'export ', 'export ', 'type '), plainName, spec, fc.constantFrom('require (', 'require /**/ (')).map(([e, n, s, r]) => `${e}import ${n} = ${r} ${s} )`),
  fc.tuple(fc.constantFrom('', 'export '), plainName, plainName).map(([e, n, m]) => `${e}import ${n} = ${m} . B . C`),
  fc.constantFrom('const u = import.meta.url', 'x.import = 1'),
);

const bindingTarget: fc.Arbitrary<string> = fc.letrec((tie) => ({
  target: fc.oneof({ depthSize: 'small', withCrossShrink: true }, plainName, tie('object'), tie('array')),
  object: commaList(
    fc.oneof(
      plainName,
      fc.tuple(plainName, expr).map(([n, e]) => `${n} = ${e}`),
      fc.tuple(fc.oneof(name, fc.constantFrom("'s'", '1', '[k]')), tie('target')).map(([p, t]) => `${p}: ${t}`),
    ),
  ).chain((props) => fc.option(plainName).map((rest) => `{ ${props}${rest ? `${props && !props.endsWith(',') ? ',' : ''} ...${rest}` : ''} }`)),
  array: commaList(fc.oneof(fc.constant(''), tie('target'), fc.tuple(tie('target'), expr).map(([t, e]) => `${t} = ${e}`)))
    .map((els) => `[ ${els} ]`),
})).target as fc.Arbitrary<string>;

const declarator = fc.tuple(bindingTarget, fc.option(type), fc.option(expr), fc.boolean()).map(
  ([target, t, init, definite]) => `${target}${definite && !init && /^\w+$/.test(target) ? '!' : ''}${t ? ` : ${t}` : ''}${init ? ` = ${init}` : ''}`,
);

const exportedVariables = fc
  .tuple(fc.constantFrom('const', 'let', 'var', 'declare const', 'declare let'), commaList(declarator, 1))
  .map(([k, d]) => `export ${k} ${d}`);
const exportStatement = fc.oneof(
  { weight: 5, arbitrary: exportedVariables },
  fc.tuple(fc.constantFrom('', 'type '), fc.option(anyName), spec).map(([t, n, s]) => `export ${t}*${n ? ` as ${n}` : ''} from ${s}`),
  fc.tuple(fc.constantFrom('', 'type '), commaList(exportElement), spec).map(([t, e, s]) => `export ${t}{ ${e} } from ${s}`),
  fc.tuple(fc.constantFrom('', 'type '), commaList(fc.oneof(name, fc.tuple(name, anyName).map(([a, b]) => `${a} as ${b}`)))).map(([t, e]) => `export ${t}{ ${e} }`),
  expr.map((e) => `export default ${e}`),
  expr.map((e) => `export = ${e}`),
  fc.tuple(fc.constantFrom('function', 'async function', 'function*', 'class', 'abstract class', 'interface'), fc.option(plainName), body)
    .map(([k, n, b]) => `export default ${k} ${n ?? ''} ${k.includes('function') ? '( )' : ''} { ${k.includes('function') ? b : ''} }`),

  fc.tuple(fc.constantFrom('function', 'async function', 'function*', 'async function*', 'declare function'), plainName, body)
    .map(([k, n, b]) => (k.startsWith('declare') ? `export ${k} ${n} ( a : A ) : void` : `export ${k} ${n} ( a , b ) { ${b} }`)),
  fc.tuple(fc.constantFrom('', '@Dec() ', '@a.b ', '@Dec({ a: 1 }) @Other '), fc.constantFrom('class', 'abstract class', 'declare class'), plainName, classBody)
    .map(([d, k, n, b]) => `${d}export ${k} ${n} { ${k === 'declare class' ? '' : b} }`),
  fc.tuple(fc.constantFrom('@Dec ', '@Dec() ', '@(a.b) '), fc.constantFrom('class', 'abstract class'), plainName, classBody).map(([d, k, n, b]) => `export ${d}${k} ${n} { ${b} }`),
  fc.tuple(fc.constantFrom('interface', 'declare interface'), plainName).map(([k, n]) => `export ${k} ${n} { a : string ; m ( ) : void }`),
  fc.tuple(fc.constantFrom('type', 'declare type'), plainName, type).map(([k, n, t]) => `export ${k} ${n} = ${t}`),
  fc.tuple(fc.constantFrom('enum', 'const enum', 'declare enum', 'declare const enum'), plainName).map(([k, n]) => `export ${k} ${n} { A , B = 2 }`),
  fc.tuple(fc.constantFrom('namespace', 'module', 'declare namespace'), plainName, body).map(([k, n, b]) => `export ${k} ${n} . Inner { export const q = 1 ; ${b} }`),
  spec.map((s) => `export declare module ${s} { export const q : number }`),
  plainName.map((n) => `export as namespace ${n}`),
);

const otherStatement = fc.oneof(
  fc.tuple(fc.constantFrom('const', 'let', 'var'), commaList(declarator, 1)).map(([k, d]) => `${k} ${d}`),
  fc.tuple(plainName, body).map(([n, b]) => `function ${n} ( a , b ) { ${b} }`),
  fc.tuple(plainName, classBody).map(([n, b]) => `class ${n} { ${b} }`),
  body.map((b) => `if ( a ) { ${b} }`),
  expr,
  fc.tuple(spec, importStatement, exportStatement).map(([s, i, e]) => `declare module ${s} { ${i} ; ${e} }`),
  // Ambient modules without a string inside (a script's give no facts), shorthand, and without `declare` (ambient in a declaration file).
  fc.tuple(fc.constantFrom('declare module', 'module', 'export module', 'export declare module', 'declare\nmodule', 'x . module', 'declare module\n'), spec, fc.constantFrom('{ }', '{ export const q : number ; interface A { a : `t` } }', '', '{ export default a }', '{ declare module \'n\' { } }'))
    .map(([k, s, b]) => `${k} ${s} ${b}`),
  fc.constantFrom(
    'declare global { interface Window { a : string } }', "@Dec() class K { m() { return '}' } }", 'a , b', 'a = { export: 1, import: 2 }',
    'a . export ( ) , b . import', 'class K { import ( ) { } export = 1 }', 'label : for ( ; ; ) { break label }', 'let a , b',
    "declare module 'm'", 'x = a ,\n@Dec class {}',
  ),
  // Statements nested in another where only a top-level one may stand: the parse keeps them out of
  // the file's statements (the checker, not the parser, rejects them); the tokens must not read them as the file's.
  fc.tuple(
    fc.constantFrom('if ( a )\n', 'if ( a ) ', 'if ( f ( a ) ) ', 'while ( x )\n', 'for ( ; ; ) ', 'for ( const k of ks )\n', 'with ( o ) ', 'if ( a ) { } else ', 'if ( a ) b ( ) ;\nelse\n', 'x\n++\n', 'x\n--\n', 'x ++\n', 'if ( a ) if ( b ) ', 'label : ', 'label :\n'),
    fc.oneof(exportStatement, importStatement, fc.constantFrom('@Dec() export class N { }', "declare module 'n' { }", "module 'n' { }", 'export default class { }')),
  ).map(([prefix, s]) => `${prefix}${s}`),
);

const trivia = fc.oneof(
  { weight: 12, arbitrary: fc.constant(' ') },
  { weight: 2, arbitrary: fc.constant('\n') },
  { weight: 1, arbitrary: fc.constantFrom('  ', '\t', '/* c */', ' // c\n', '\r\n', '\n\n  ', '') },
);
const separator = fc.constantFrom(';\n', '\n', ';', '; ', '\n\n', ';// c\n', ' /* c */\n');
const header = fc.constantFrom(
  '', '', '', '#!/usr/bin/env node\n', '\uFEFF', '// header comment\n', '/** JSDoc { */\n', '/// <reference path="./r.d.ts" />\n',
  "/// <reference types='node' />\n/// <reference lib=\"dom\" />\n", '#!/usr/bin/env node\n/* c */ /// <reference path="x" />\n',
);

const file = fc
  .tuple(header, fc.array(fc.tuple(fc.oneof(importStatement, exportStatement, otherStatement), separator), { maxLength: 8 }), fc.array(trivia, { minLength: 1, maxLength: 40 }))
  .map(([head, statements, gaps]) => {
    let n = 0;
    const code = statements.map(([s, sep]) => s + sep).join('').replace(/ /g, () => gaps[n++ % gaps.length]);
    return head + code;
  });
const fileName = fc.constantFrom('/w/a.ts', '/w/a.ts', '/w/a.mts', '/w/a.cts', '/w/a.d.ts', '/w/a.d.ts', '/w/a.d.mts', '/w/a.d.css.ts', '/w/a.js', '/w/a.mjs');

/** The fast path's facts of a valid file, asserted equal to the full parse's; undefined when it declines (or the file has a syntax error). */
function scannedAsParsed(text: string, fileName = '/w/a.ts'): ReturnType<typeof scanFacts> {
  const scanned = scanFacts(fileName, text);
  if (!scanned) return undefined;
  const { syntaxError, ...parsed } = parseFacts(fileName, text);
  if (syntaxError) return undefined;
  assert.deepEqual(scanned, parsed, text);
  return scanned;
}

describe('scanner fast path: generated files (property)', function () {
  this.timeout(60_000);

  it('gives exactly the full parse facts whenever it accepts a generated file without syntax errors', () => {
    // A file with an error the scanner cannot see (inside an initializer, say) may be read
    // differently by the parser's error recovery; the fast path promises nothing for those.
    let accepted = 0;
    let valid = 0;
    fc.assert(
      fc.property(file, fileName, (text, fileName) => {
        const scanned = scanFacts(fileName, text);
        if (!scanned) return;
        accepted++;
        const parsed = parseFacts(fileName, text);
        if (parsed.syntaxError) return;
        valid++;
        assert.deepEqual(scanned, parsed);
      }),
      { numRuns: RUNS },
    );
    // Not vacuous: a good share of the generated files must take the fast path.
    assert.ok(accepted > RUNS / 4, `the fast path took only ${accepted} of ${RUNS} generated files`);
    assert.ok(valid > RUNS / 5, `only ${valid} accepted files were free of syntax errors`);
  });

  it('finds every import(…) and require(…) call whatever trivia stands before its parenthesis', () => {
    const gap = fc.array(fc.constantFrom(' ', '\n', '\t', '/* c */', '// c\n', '\r\n', '/** ( */', '\u2028', '\u00a0'), { maxLength: 4 }).map((g) => g.join(''));
    const callee = fc.oneof(
      fc.constantFrom('import', 'require'),
      fc.tuple(gap, gap).map(([a, b]) => `require${a}?.${b}`),
    );
    const call = fc.oneof(
      fc.tuple(callee, gap, spec, fc.constantFrom('const x = ', 'export const x = ', 'f(')).map(([c, g, s, before]) => `${before}${c}${g}(${s})${before === 'f(' ? ')' : ''};`),
      fc.tuple(gap, spec).map(([g, s]) => `type T = typeof import${g}(${s});`),
    );
    const noise = fc.constantFrom('', "import { a } from './a';\n", '// import() in a comment\n', "export * from './b';\n");
    fc.assert(
      fc.property(noise, call, noise, fileName, (head, text, tail, fileName) => {
        const source = head + text + '\n' + tail;
        const parsed = parseFacts(fileName, source);
        if (parsed.syntaxError) return;
        const calls = parsed.imports.filter((i) => i.kind !== 'import' && i.kind !== 'export');
        const expectedKind = text.startsWith('type') ? 'import-type-query' : text.includes('import') ? 'dynamic-import' : 'require';
        assert.deepEqual(calls.map((i) => i.kind), [expectedKind], source);
        const scanned = scanFacts(fileName, source);
        if (scanned) assert.deepEqual(scanned, parsed, source);
      }),
      { numRuns: RUNS },
    );
  });

  it('reads @jsxImportSource exactly as the compiler\'s pragma reader does', () => {
    const word = fc.constantFrom('@jsxImportSource', '@JSXIMPORTSOURCE', '@jsxRuntime', '@jsx', '@jsxImportSourcex', '@license');
    const arg = fc.constantFrom('', ' preact', '  @b/internal', ' classic', ' automatic', ' solid-js/web', ' a b', '\t@x/y ', ' ');
    const line = fc.tuple(fc.constantFrom('', ' * ', ' '), word, arg).map(([lead, w, a]) => `${lead}${w}${a}`);
    const comment = fc.oneof(
      fc.array(line, { minLength: 1, maxLength: 3 }).map((lines) => `/**\n${lines.join('\n')}\n */`),
      line.map((l) => `/* ${l} */`),
      line.map((l) => `/*${l}*/`),
      line.map((l) => `// ${l}`),
    );
    const file = fc.tuple(fc.array(comment, { maxLength: 3 }), fc.constantFrom('', "import { a } from './a';\n"), fc.option(comment)).map(
      ([leading, statement, late]) => `${leading.join('\n')}\n${statement}export const x = 1;\n${late ?? ''}\n`,
    );
    fc.assert(
      fc.property(file, fc.constantFrom('/w/a.ts', '/w/a.tsx', '/w/a.js', '/w/a.d.ts'), (text, fileName) => {
        const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest);
        type Pragma = { arguments: { factory?: string } };
        const last = (name: string): Pragma | undefined => {
          const found = (sf as unknown as { pragmas: Map<string, Pragma | Pragma[]> }).pragmas.get(name);
          return Array.isArray(found) ? found.at(-1) : found;
        };
        const factory = last('jsximportsource')?.arguments.factory;
        const expected = factory && last('jsxruntime')?.arguments.factory !== 'classic' && !fileName.endsWith('.d.ts') ? [`${factory}/jsx-runtime`] : [];
        for (const facts of [parseFacts(fileName, text), scanFacts(fileName, text)]) {
          if (!facts) continue;
          const found = facts.imports.filter((i) => i.kind === 'jsx-import-source');
          assert.deepEqual(found.map((i) => i.specifier), expected, text);
          for (const i of found) {
            const lineText = text.split(/\r\n|\r|\n/)[i.range.start.line - 1];
            assert.equal(lineText.slice(i.range.start.column - 1, i.range.end.column - 1), factory, text);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('never throws on byte or unicode soup, nor on shuffled tokens of real statements', () => {
    const soup = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.string({ unit: fc.constantFrom(...'export import {}()[]`${}/\'"\n;=<>,*as from type const @#!\\'.split(' ').flatMap((w) => [w, ` ${w} `])), maxLength: 60 }),
      fc.array(fc.oneof(importStatement, exportStatement, otherStatement), { maxLength: 4 }).chain((s) => fc.shuffledSubarray(s.join(' ').split(' '))).map((t) => t.join(' ')),
    );
    fc.assert(
      fc.property(soup, fileName, (text, fileName) => {
        const scanned = scanFacts(fileName, text);
        assert.ok(scanned === undefined || Array.isArray(scanned.imports));
      }),
      { numRuns: RUNS },
    );
  });

  it('reads SQL tables from literals exactly as the database walk does, or declines (issue 16)', () => {
    const strings = fc.constantFrom(
      "'SELECT id FROM invoices'", '"select * from carts c join orders o on o.id = c.id"', "'select 1'", "'update maps to x'",
      "'DELETE FROM carts WHERE a = 1'", "'Update the thing'", "'insert into audit values (1)'", "'SELECT \\'x\\' FROM t'",
      '`SELECT id FROM invoices`', "'it\\'s from there'", "''", "'truncate audit_log'",
    );
    const templates = fc.constantFrom(
      '`SELECT id FROM invoices`', '`SELECT ${a} FROM t WHERE b = ${b}`', '`x ${b} FROM t`', '`update maps ${x}`',
      '`SELECT * FROM ${t} JOIN carts ON 1 = 1`', '`DELETE FROM carts ${`nested ${x} FROM t`}`', '`${a}`',
    );
    // Tokens stand apart by single spaces, each replaced by random trivia (the literals keep theirs).
    const call = fc.constantFrom(
      'f ( L )', 'f ( a , L )', 'f ( L , b )', 'a . b . query ( L )', 'this . db . exec ( L , [ x ] )', 'new Q ( L )',
      'this . logger . warn ( L )', 'console . log ( L )', 'run < T > ( L )', 'f ( ) ( L )', 'f ( L + x )', 'f ( x + L )',
      'f ( ( L ) )', 'f ( L . trim ( ) )', 'f ( L as string )', 'f ( g ( L ) )', 'db . query ( g ( L ) )', 'f ?. ( L )',
      'new a . b . Q ( L )', 'new A ( ) . q ( L )', 'a [ 0 ] . query ( L )', 'x . y . z . w . query ( L )', 'query ( L )',
      '@ Dec ( L ) class K { }', 'const q = L', 'function h ( ) { return L ; }', 'const r = [ L ]', 'const o = { k : L }',
      'const c = d ? L : x', 'const a = ( ) => L', 'if ( L ) { }', 'f ( ... L )', 'super . query ( L )', 'of ( L )',
      'await ( L )', 'a ! . query ( L )', 'f ( L ) + L', 'x = L',
    );
    const tagged = fc.constantFrom(
      'sql T', 'a . sql T', 'this . sql T', 'x . y . sql T', 'x . y . z . sql T', 'htm T', 'sql < R > T', 'f ( ) T',
      'db . execute ( sql T )', 'new sql T', '$queryRaw T', 'a ?. sql T', 'x = sql T', 'const s = a . sql T . b',
    );
    const statement = fc.oneof(
      fc.tuple(call, fc.oneof(strings, templates)).map(([c, l]) => [c, l] as const),
      fc.tuple(tagged, templates).map(([t, l]) => [t.replace('T', 'L'), l] as const),
    );
    const file = fc
      .tuple(fc.array(statement, { minLength: 1, maxLength: 3 }), fc.array(trivia, { minLength: 1, maxLength: 20 }))
      .map(([statements, gaps]) => {
        let n = 0;
        const lines = statements.map(([code, literal]) => code.replace(/ /g, () => gaps[n++ % gaps.length]).replace(/L/g, () => literal));
        return `import { a } from './a';\n${lines.join(';\n')};\n`;
      });
    let read = 0;
    fc.assert(
      fc.property(file, (text) => {
        if (scannedAsParsed(text)?.database) read++;
      }),
      { numRuns: RUNS },
    );
    // Or the test compares nothing but declines.
    assert.ok(read > RUNS / 20, `read SQL from the tokens in ${read} of ${RUNS} files`);
  });

  it('reads TypeORM entity classes exactly as the database walk does, or declines (issue 16)', () => {
    const decorator = fc.constantFrom(
      '@ Entity ( )', "@ Entity ( 'invoices' )", "@ Entity ( { name : 'x' } )", "@ Index ( [ 'a' ] )", '@ Column ( )',
      "@ orm . Entity ( 'orders' )", '@ Table ( )', '@ Schema ( )', '@ Injectable', "@ Entity ( 'a' , 'b' )", '@ Entity',
    );
    const modifiers = fc.constantFrom('', 'export', 'export default', 'default', 'declare', 'abstract', 'export abstract');
    const cls = fc.constantFrom('class A { }', 'class { }', 'class B extends Model { @ Column ( ) c ! : string ; }', 'class C < T > { }');
    const before = fc.constantFrom('', 'const x = 1 ;', 'x = f ( )', 'function g ( ) {', 'const k = ', 'x = f ( { a : 1 } )\n', 'a !\n', 'g ( )\n', 'if ( a )\n', 'if ( a ) ', 'x\n++\n', 'x ++\n');
    const statement = fc.tuple(before, fc.array(decorator, { maxLength: 3 }), modifiers, fc.array(decorator, { maxLength: 1 }), cls)
      .map(([b, ds, m, after, c]) => [b, ...ds, m, ...after, c, b.endsWith('{') ? '}' : ''].filter((x) => x !== '').join(' '));
    // The shape the tokens read, often, so that reading is tested as much as declining.
    // MikroORM/TypeORM options: the keys classDeclaration reads (first string per key wins), and what it passes over.
    const optionKey = fc.constantFrom('name', 'tableName', 'collection', 'schema', "'tableName'", '"name"', 'abstract', 'get', 'comment', '1');
    const optionValue = fc.constantFrom("'t1'", '"t2"', '`t3`', '`t${ a }`', 'true', 'x', "'a' + 'b'", "'c' as const", "f ( 'd' )", "[ 'e' ]", "x ? 'f' : 'g'", "{ n : 'h' }", "{ a : 1 , tableName : 'k' , b : 2 }", "f ( 0 , { name : 'l' } , 1 )");
    const option = fc.oneof(
      { weight: 4, arbitrary: fc.tuple(optionKey, optionValue).map(([k, v]) => `${k} : ${v}`) },
      fc.constantFrom('name', '... rest', "[ 'name' ] : 'i'", "get name ( ) { return 'j' }", "name ( ) { }", 'async name ( ) { }'),
    );
    const options = fc.tuple(fc.array(option, { maxLength: 4 }), fc.boolean(), fc.boolean())
      .map(([os, trailing, argComma]) => `@ Entity ( { ${os.join(' , ')}${trailing && os.length > 0 ? ' ,' : ''} }${argComma ? ' ,' : ''} )`);
    const readable = fc.tuple(fc.oneof(fc.constantFrom('@ Entity ( )', "@ Entity ( 'invoices' )", "@ orm . Entity ( 'orders' )"), options), fc.constantFrom('', "@ Index ( [ 'a' ] )"), fc.constantFrom('', 'export', 'export default'), fc.constantFrom('class A { }', 'class B { @ Column ( ) c ! : string ; }'))
      .map((parts) => parts.filter((x) => x !== '').join(' '));
    const file = fc
      .tuple(fc.array(fc.oneof({ weight: 2, arbitrary: readable }, { weight: 1, arbitrary: statement }), { minLength: 1, maxLength: 3 }), fc.array(trivia, { minLength: 1, maxLength: 20 }))
      .map(([statements, gaps]) => {
        let n = 0;
        return `import { Entity } from 'typeorm';\n${statements.join('\n').replace(/ /g, () => gaps[n++ % gaps.length])}\n`;
      });
    let read = 0;
    fc.assert(
      fc.property(file, (text) => {
        if (scannedAsParsed(text)?.database?.declarations.length) read++;
      }),
      { numRuns: RUNS },
    );
    assert.ok(read > RUNS / 10, `read entity classes from the tokens in ${read} of ${RUNS} files`);
  });
});
