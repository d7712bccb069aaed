import * as assert from 'node:assert/strict';
import { extractFacts, parseFacts } from '../../src/engine/extract/extract-facts';
import { isDeclarationFileName, scanFacts } from '../../src/engine/extract/scan-facts';
import { ts } from 'ts-morph';

/** The fast path must accept `text` and give exactly the full parse's facts. */
function sameAsParse(text: string, fileName = '/w/a.ts'): void {
  const scanned = scanFacts(fileName, text);
  assert.ok(scanned, `the fast path declined:\n${text}`);
  const parsed = parseFacts(fileName, text);
  assert.equal(parsed.syntaxError, undefined, `test input has a syntax error: ${parsed.syntaxError?.message}\n${text}`);
  assert.deepEqual(scanned, parsed, text);
}

function declines(text: string, fileName = '/w/a.ts'): void {
  assert.equal(scanFacts(fileName, text), undefined, `the fast path accepted:\n${text}`);
}

describe('scanner fast path for import/export facts', () => {
  it('reads every import form like the parser, ranges and order included', () => {
    const text = [
      "import './side-effect';",
      "import d from './default';",
      "import * as ns from './namespace';",
      "import { a, b as c, type T, default as dd, \"str\" as e, type default as f, } from './named';",
      "import d2, { g } from './default-and-named';",
      "import d3, * as ns2 from './default-and-namespace';",
      "import type D4 from './type-default';",
      "import type * as ns3 from './type-namespace';",
      "import type { H, I as J } from './type-named';",
      "import { type K, type L } from './all-elements-type-only';",
      "import { type M, N } from './some-elements-type-only';",
      "import {} from './empty';",
      "import { type } from './named-type';",
      "import type from './default-named-type-is-declined-elsewhere';".replace('import type from', 'import from_ from'),
      "import json from './data.json' with{ type: 'json' };", // (with a space it looks like SQL to mayMentionDatabase)
      "import old from './old.json' assert { type: 'json' };",
      "import A = require /* not a call */ ('./equals');",
      "import A2 = require('./equals-plain');",
      "import type B = require /**/ ('./type-equals');",
      "export import C = require /**/ ('./export-equals');",
      "import E = Some.Qualified.Name;",
      "export import F = Other.Name;",
      "import \"./double-quoted\"",
      "import '\\x2e/escaped'",
    ].join('\n');
    sameAsParse(text);
    const facts = scanFacts('/w/a.ts', text)!;
    assert.deepEqual(facts.imports[0].range, { start: { line: 1, column: 8 }, end: { line: 1, column: 23 } });
    assert.deepEqual(facts.imports.at(-1)?.specifier, './escaped');
    assert.deepEqual(facts.localExports, ['C', 'F']);
  });

  it('reads every export form like the parser', () => {
    sameAsParse([
      "export * from './star';",
      "export * as helpers from './star-as';",
      "export type * from './type-star';",
      "export type * as types from './type-star-as';",
      "export { a, b as c, default, default as d, x as default, 'str' as s } from './named';",
      "export type { T, U as V } from './type-named';",
      "import { imported, other as renamed } from './source';",
      "import * as whole from './whole';",
      'export { imported, renamed as again, whole, local, local as aliased, type };',
      'const local = 1;',
      'export default function () {}',
      'export = local;',
      'export as namespace MyLib;',
    ].join('\n'));
  });

  it('reads exported declarations like the parser', () => {
    sameAsParse([
      'export const a = 1, b = "x", c = `t${a}`;',
      'export let { d, e: f, g = 1, h: { i }, ...rest } = obj, [j, , k = 2, [l], { m }, ...n] = arr;',
      'export var o: Map<string, number> = new Map(), p: Array<Array<{ q: number }>> = [], r: (x: number, y: string) => void = () => {};',
      'export const s = (x: number, y: number) => x + y, t = { u: 1, v: [1, 2] }, w = function (z, zz) { return z; };',
      'export const arrow = async <T>(value: T): Promise<T> => value;',
      'export const generic = <A extends Array<unknown>, B = Map<string, A>>(a: A, b: B): Map<A, B> => new Map(), afterGeneric = 1;',
      'export const pick = c ? x : <T,>(t: T): T => t, cast = <Map<K, V>>value, afterPick = 2;',
      'export const predicate = (a: unknown): a is Set<string> => true, ternary = a < b ? c : d;',
      'export let definite!: string, plain;',
      'export function fn() {}',
      'export async function asyncFn() {}',
      'export function* generator() {}',
      'export async function* asyncGenerator() {}',
      'export class Klass { method() { return "}"; } }',
      'export abstract class Abstract {}',
      'export declare const declared: number;',
      'export declare function declaredFn(): void;',
      'export declare class DeclaredClass {}',
      'export declare namespace DeclaredNs { const inner: number; }',
      'export interface Iface { a: string }',
      'export type Alias<T> = T | { b: T };',
      'export enum Enum { A, B }',
      'export const enum ConstEnum { C }',
      'export declare const enum DeclaredConstEnum { D }',
      'export namespace Ns.Inner { export const hidden = 1; }',
      "export module Mod { export const hidden2 = 2; }",
      'export default class {}',
    ].join('\n'));
  });

  it('follows decorators, ambient blocks, ASI, comments, shebang, BOM and odd line breaks', () => {
    sameAsParse([
      '#!/usr/bin/env node',
      '@Injectable() export class Service {}',
      '@Component({ selector: "x" })',
      '@Other.thing',
      'export class Decorated {}',
      'export @Dec() class After {}',
      'export @Dec abstract class AfterAbstract {}',
      'declare global { interface Window { y: number } }',
      'export const noSemicolon = 1',
      'export const nextLine = foo',
      '  .bar()',
      '/* comment */ export /* comment */ const commented = 2 // trailing',
      "import { q } from './no-semicolon'",
      'export { q }',
      'const re = /[/]"\'`{(/g, division = 4 / 2 / 1;',
      'const tpl = `a ${`nested ${"}"} ${{ a: 1 }.a}`} b`;',
      'export const lineSeparated = "a"\u2028export const afterLs = 1',
      'export const crlf = 1;\r\nimport "./crlf";\r',
      "import './cr-only';\rexport const last = 1;",
    ].join('\n'));
    sameAsParse("\uFEFFimport './bom';\nexport const x = 1;");
    sameAsParse("import { a } from './js';\nexport const b = a;\nexport default 1;\n", '/w/a.mjs');
    sameAsParse("import { a } from './cts';\nexport const b = a;\n", '/w/a.cts');
  });

  it('reads triple-slash reference directives like the parser, before the first token only', () => {
    const text = [
      '#!/usr/bin/env node',
      '/// <reference path="./globals.d.ts" />',
      "///<reference types='node'/>",
      '/* a block */ /// <reference path="after-block.ts" />',
      '/// <reference lib="es2022" />',
      '/// <amd-module name="x" />',
      '/// <Reference PATH = "upper.ts" />',
      '/// <reference types="@scope/pkg" resolution-mode="import" />',
      "import { a } from './a';",
      '/// <reference path="too-late.ts" />',
      'export const b = a;',
    ].join('\n');
    sameAsParse(text);
    assert.deepEqual(
      scanFacts('/w/a.ts', text)!.imports.map((i) => [i.kind, i.specifier, i.typeOnly, `${i.range.start.line}:${i.range.start.column}-${i.range.end.line}:${i.range.end.column}`]),
      [
        ['reference-path', './globals.d.ts', true, '2:21-2:37'],
        ['reference-types', 'node', true, '3:21-3:27'],
        ['reference-path', 'after-block.ts', true, '4:35-4:51'],
        ['reference-path', 'upper.ts', true, '7:23-7:33'],
        ['reference-types', '@scope/pkg', true, '8:22-8:34'],
        ['import', './a', false, '9:19-9:24'],
      ],
    );
    sameAsParse('\uFEFF/// <reference path="bom.ts" />\r\nexport const c = 1;\r\n');
    // In .js files the `/>` sends the file to the full parse (it might be JSX), which reads it too.
    assert.deepEqual(extractFacts('/w/a.js', '/// <reference path="only.d.ts" />').imports.map((i) => i.kind), ['reference-path']);
    // Where the parser is needed anyway, both paths still agree (extractFacts gives the parse's facts).
    assert.deepEqual(extractFacts('/w/b.ts', '/// <reference types="t" />\nconst x = import("./x");').imports.map((i) => i.kind), ['reference-types', 'dynamic-import']);
  });

  it('reads an @jsxImportSource pragma like the parser, as a regular import of the runtime', () => {
    const text = [
      '/**',
      ' * Widgets.',
      ' * @jsxImportSource @b/internal',
      ' */',
      "import { a } from './a';",
      'export const b = a;',
    ].join('\n');
    sameAsParse(text);
    assert.deepEqual(scanFacts('/w/a.ts', text)!.imports[0], {
      specifier: '@b/internal/jsx-runtime', kind: 'jsx-import-source', typeOnly: false, names: [],
      range: { start: { line: 3, column: 21 }, end: { line: 3, column: 32 } },
    });
    sameAsParse('/// <reference types="node" />\n/* @jsxImportSource preact */\nexport const c = 1;');
    assert.deepEqual(parseFacts('/w/a.ts', '/* @jsxImportSource preact */ /** @jsxRuntime classic */\nexport {};').imports, []);
    assert.deepEqual(parseFacts('/w/a.d.ts', '/* @jsxImportSource preact */\nexport {};').imports, []);
    assert.deepEqual(parseFacts('/w/a.ts', 'export {};\n/* @jsxImportSource preact */').imports, [], 'only before the first token');
    assert.deepEqual(parseFacts('/w/a.ts', '// @jsxImportSource preact\nexport {};').imports, [], 'a line comment is no place for it');
  });

  it('reads names written with escapes as the parser does', () => {
    sameAsParse("export const \\u0062 = 2, \\u{63} = 3;\nimport { \\u0064 } from './\\u0065';\nexport { \\u0064 };");
  });

  it('does not end a declaration at a line break after a word that may continue it', () => {
    sameAsParse('export const a = b as const\nconst c = 1;\nexport let d: keyof\nT;\nexport const f = g!\nh();\n');
  });

  it('tells regular expressions from divisions the way the parser does', () => {
    sameAsParse([
      "import './before';",
      "if (/'/.test(s)) {}",
      'f(/"/, /`/, [/\\//], { k: /}/ });',
      "const d = (a) / 2, e = x[0] / 2, s1 = '/';",
      "const g = this / 2, h = 1 / 2, i = a++ / 2, j = `t` / 2, s2 = '/';",
      "const k = typeof /'/, l = !/'/.test(s), m = a ? /'/ : /\"/;",
      "function r() { return /'/; }",
      "x /= 2; y = /'/g;",
      "import './after';",
    ].join('\n'));
  });

  it('skips import.meta and member names that look like keywords', () => {
    sameAsParse('const u = import.meta.url;\nobj.export = 1;\nobj.import = 2;\nx?.export;\nexport const v = import.meta;\n');
  });

  it('looks past hints that are only in comments, and not past hints in code', () => {
    // Documentation that mentions dynamic imports, SQL and query builders stays on the fast path.
    sameAsParse([
      '/**',
      " * Loads lazily: `const m = await import('./heavy')`, or `require('./heavy')` in CommonJS.",
      " * Reads rows like `SELECT id FROM invoices`, via db.query('…') or knex('invoices'), see prisma.user.",
      ' */',
      "import { a } from './a';",
      "// Array.from(…) and [].join(', ') are no queries; neither is 'delete from cart' in a comment.",
      'export const b = a;',
    ].join('\n'));
    // The same words in code send the file to the full parse.
    declines("/** docs */\nimport { a } from './a';\nexport const m = () => import('./heavy');");
    // A `require("…")` call is read from the tokens, exactly as the parse reads it.
    sameAsParse("// require('x') below\nconst x = require('./x');");
    // a SQL call's whole argument is read from the tokens (issue 16)
    sameAsParse("// see the docs\nimport { db } from './db';\nexport const rows = db.query('SELECT id FROM invoices');");
    declines("/* nothing */\nexport const q = `SELECT id FROM invoices`;");
    declines("/* sql: select … */\nexport const user = prisma.user;");
    declines("// from( in a comment\nexport const t = knex /* the builder */ ('invoices');");
    // Comments between the word and its parenthesis: in code a call, in a comment nothing.
    declines("import { a } from './a';\nexport const m = () => import /* lazy */ ('./heavy');");
    sameAsParse("export const s = require // sync\n  ('./s');");
    sameAsParse("export const o = require?.('./optional');");
    sameAsParse("// import /* lazy */ ('./heavy'), require /**/ ('./s')\nimport { a } from './a';\nexport const b = a;");
    sameAsParse("/* a require?.(x) in prose */\nexport const req = { require: 1 }.require;");
  });

  it('declines what needs the syntax tree or does not tokenize cleanly', () => {
    declines("import a from './a';\nconst b = () => import('./b');");
    // `import(…)` may be a call or a type; only the syntax tree tells.
    declines("const c = require<typeof import('./c')>('./c');");
    sameAsParse("import a from './a';\nconst rows = db.query('select id from invoices');");
    declines("import a from './a';\nconst rows = db.query<Row>('select id from invoices');");
    // a SQL call whose string names no table, and a string that only starts with a statement's word, have no facts
    sameAsParse("import a from './a';\nconst rows = db.query('select 1');\nexport const e = emit('update');");
    // Ambient modules and augmentations: which of their names count depends on the whole file.
    // In a module the name is an augmentation; in a script only the block's strings make facts.
    declines("declare module 'some-lib' {\n  import x from 'not-top-level';\n}");
    sameAsParse("export declare module 'ambient-in-export' { export const hidden3: number; }");
    sameAsParse("import './a';\ndeclare module './a' { interface A { b: string } }");
    sameAsParse("export module '@theia/plugin' {\n  export const x: string;\n}\n", '/w/theia.d.ts');
    sameAsParse("declare module '*.svg' {\n  const content: string;\n  export default content;\n}\ndeclare module '*.css';\n", '/w/typings.d.ts');
    // the file turns out a module after the block: the name was an augmentation after all
    declines("declare module 'x' { }\nexport {};", '/w/a.d.ts');
    declines("declare module 'x' { }\nconst u = import /* c */ . meta . url;");
    // not ambient outside declaration files without `declare`, and no module declaration across a line break
    declines("module 'x' { }");
    declines("declare\nmodule 'x' { }");
    // a line break after `a!` may continue the initializer: the declaration after it is still seen
    declines("export const a = a! /* c */\ndeclare module 'm';");
    // `require` as a type: a `(` on the next line is a statement of its own, not a call
    declines("type importa = require\n(\n'./a' );\n");
    declines("type T<A extends Array<string>> = require\n('./a');\n");
    declines("import a from './a';\nexport const x = <div>{a}</div>;", '/w/a.js');
    declines("import a from './a';\nconst s = 'unterminated;\n");
    declines("import a from './a';\nconst t = `unterminated ${a}\n");
    declines("import a from './a';\n/* open comment\n");
    declines("import a from './a';\nfunction f() {\n");
    declines("import a from './a';\n}}\n");
    declines("import a from './a';\nconst x = (1];\n");
    declines("import a from './a';\n<<<<<<< HEAD\n");
    declines(`export const ${'['.repeat(10_000)}a${']'.repeat(10_000)} = x;`);
    assert.ok(scanFacts('/w/a.ts', `const a = ${'('.repeat(100_000)}1${')'.repeat(100_000)};`));
  });

  it('reads JSX files, whose elements are one token and whose braces are code (issue 16)', () => {
    const tsx = (text: string): void => sameAsParse(text, '/w/a.tsx');
    // Text that would not scan as code: an apostrophe, a URL's `//`, `>` and a `/` after an element.
    tsx("import a from './a';\nexport const X = () => <p title='x'>Don't stop: http://example.com {a}</p>;\nexport const y = 1;");
    tsx("import a from './a';\nexport const X = () => (\n  <>\n    <a.B c-d=\"1\" xlink:href=\"#\" {...a} e={<i />} f>{'}'}</a.B>\n    {a ? <b>{/re}/.test(a) && `t${a}`}</b> : null}\n  </>\n);\nexport default X;");
    tsx("import a from './a';\nconst el = <div />\nconst ratio = el / 2;\nexport { el, ratio };");
    // Generic arrow functions, which the parser tells from elements by `,`, `=` or `extends`.
    tsx("import a from './a';\nexport const f = <T,>(x: T) => x;\nexport const g = <T extends object>(x: T) => <div>{a}</div>;\nexport const h = <const T, U = T>(x: T) => x;");
    // Comparisons and type arguments are not elements.
    tsx("import a from './a';\nexport const b = a < 1 ? f<string>(a) : 2;\nexport const c = a<b>(1);");
    const declinesTsx = (text: string): void => declines(text, '/w/a.tsx');
    declinesTsx("import a from './a';\nexport const x = <div>{a}</span>;");
    declinesTsx("import a from './a';\nexport const x = <Select<Option> value={a} />;");
    declinesTsx("import a from './a';\nexport const x = <div>{a</div>;");
    declinesTsx("import a from './a';\nexport const x = <div>a > b</div>;");
    declinesTsx("import a from './a';\nexport const x = <div>{a}");
    declinesTsx(`import a from './a';\nexport const x = ${'<b>'.repeat(300)}${'</b>'.repeat(300)};`);
    // Imports in its braces still need the syntax tree.
    declinesTsx("import a from './a';\nexport const x = <div onClick={() => import('./b')} />;");
  });

  it('reads type arguments of a call in a declarator as the parser does, commas included (issue 16)', () => {
    sameAsParse("import { forwardRef } from 'react';\nexport const X = forwardRef<HTMLDivElement, Props>((p, ref) => null), Y = 2;\nexport const z = 1;");
    sameAsParse("import { f } from './f';\nexport const a = f<Map<string, number[]>, { k: A | B; n?: typeof f }>(1), b = f<A extends B ? C : D, keyof E>`t`;", '/w/a.tsx');
    // Not type arguments: a comparison, a `-` no type has, two names in a row, nothing called after `>`.
    declines("import { a } from './a';\nexport const x = a < b - 1, c > (d);");
    declines("import { a } from './a';\nexport const x = a < b c, d > (e);");
    declines("import { a } from './a';\nexport const x = a < b, c = 1;");
  });

  it('declines odd statements so that the full parse reports them', () => {
    declines("import { a } from './a';\nconst = ;\nimport { b } from './b';\n");
    declines('export const x = ;');
    declines('export default;');
    declines("import { a } from './a' junk;");
    declines("export { a } './missing-from';");
    declines('export const a = 1 export const b = 2;');
    declines('export function () {}');
    declines('export class {}');
    declines('export declare\nconst x: number;');
    declines('\\u0065xport const a = 1;');
  });

  it("declines a declaration that is another statement's body, which is none of the file's (the checker rejects it)", () => {
    declines("if (a)\nexport default class A {}");
    declines("if (f(a)) import { b } from './b';");
    declines("for await (const x of xs) export const a = 1;");
    declines("while (x)\n@Dec() export class A {}");
    declines("if (a) {} else export const b = 1;");
    declines("if (a) if (b) declare module 'm' {}");
    declines("x\n++\n@Dec() export class A {}");
    declines("l: export const a = 1;");
    declines("l:\nimport { b } from './b';");
    // a header skipped while reading a declarator whose type may go on (`void`) is still a header
    declines("export const a: () => void\nif (a)\n@Dec() export class N {}");
    declines("export const a = b as\nfor (;;)\nexport class N {}");
    // valid, but the token before `@` cannot tell a postfix `++` from the next operand's prefix
    declines("x++\n@Dec() export class A {}");
    // a keyword after a dot is a name; a loop's body ends at its statement's end
    sameAsParse("export const v: () => void\nif (v) f()\nexport const w = x.if, y = z?.with;");
    sameAsParse("const s = Symbol.for('s')\nexport class A {}\nif (b) x.while(1)\nexport const c = 1;\nfor (const k of ks) f(k);\nexport { k };");
  });

  it('declines forms it cannot read without guessing', () => {
    sameAsParse('export const a = f<A, B>(x), b = 1;'); // a generic call, as the parser reads it (the type arguments are followed by `(`)
    declines('export const { a = f<A, B>(x), b } = y;');
    declines('export const a = foo\n  (bar), b = 1;'); // a call, or ASI and a comma expression?
    declines('export let d: keyof\nT, e = 1;');
    declines('export const a = c ? b : (x): T => x : y;'); // a `:` that fits nowhere: let the parser judge
    declines('export const a = c ? (x): Y<A, B> => x : y, b = 1;'); // ternary `:` or return type? The parser looks ahead
    declines('export const a = x < y, b = 1;'); // a comparison, or type arguments continuing on?
    declines('const a = b,\n@Dec export class C {}'); // a decorated class expression, not a statement
    declines("import type from './x';");
    declines("import type, { a } from './x';");
    declines("import type A, { b } from './x';");
    declines("import defer * as ns from './x';");
    declines("import { type as } from './x';");
    declines("import { default } from './x';");
    declines('export { default };');
    declines("export declare global { const x: number; }");
    declines('export import type A = B.C;');
  });

  it('is what extractFacts uses, and extractFacts still reports syntax errors', () => {
    const text = "import { a } from './a';\nexport const b = a;\n";
    assert.deepEqual(extractFacts('/w/a.ts', text), scanFacts('/w/a.ts', text));
    const broken = extractFacts('/w/b.ts', "import { a } from './a';\nconst = ;\n");
    assert.equal(broken.syntaxError?.range.start.line, 2);
  });

  it('reads require("…") calls from the tokens as the syntax tree walk counts them', () => {
    sameAsParse([
      "import { a } from './a';",
      "const b = require('./b');",
      'export const c = require(`./c`);',
      "export function load(name: string) { return [require('./d',), require(name), require('./e', 1), require('./f' + name)]; }",
      "const g = obj.require('./not-a-call-of-require');",
      "const h = obj?.require('./nor-this');",
      "const i = new require('./a-new-expression');",
      "const j = require(require('./inner'));",
      "const k = require('./k')('./called-result');",
      "const l = (require)('./parenthesised-callee');",
      "const m = require!('./non-null-callee');",
      "const n = { require: (x: string) => x }.require('./o');",
      "export = require('./p');",
      'const q = `${require("./in-a-template")}`;',
      "@require('./decorator')",
      'export class R {}',
      "const s = require('./escaped\\u0041');",
    ].join('\n'));
    sameAsParse("import A = require('./import-equals');\nconst b = require('./b');\nexport { A, b };");
    sameAsParse("const a = require('./a.js');\nmodule.exports = { a };", '/w/a.cjs');
  });

  it('reads import("…") after await or return as the walk counts it, and declines any other', () => {
    sameAsParse([
      "import { a } from './a';",
      "const b = await import('./b');",
      "export async function load() { const { C } = await import(`./c`); return import('./d', { with: { type: 'json' } }); }",
      "export async function more() { await import(/* chunk */ './e',); const f = require('./f'); return (await import('./g')).default; }",
    ].join('\n'));
    declines("export async function f(x: string) { return import('./a' + x); }");
    declines("export async function f(x: string) { return await import(x); }");
    declines("export async function f(x: string) { await import(`./${x}`); }");
    declines("export const lazy = () => import('./lazy');");
    declines("export type T = typeof import('./t');");
    declines("const o = { await: 1 };\no.await\nimport('./after-a-property');");
  });
});

describe('isDeclarationFileName', () => {
  it("answers as TypeScript's own (internal) isDeclarationFileName, which decides whether a block without `declare` is ambient", () => {
    const own = (ts as unknown as { isDeclarationFileName?: (f: string) => boolean }).isDeclarationFileName;
    assert.equal(typeof own, 'function', 'TypeScript no longer has isDeclarationFileName: compare with what replaced it');
    const names = ['a.d.ts', 'a.d.mts', 'a.d.cts', 'a.d.css.ts', 'x/a.d.b/c.ts', 'x\\a.d.b\\c.ts', 'a.ts', 'a.d.tsx', 'a.d.js', 'ad.ts', 'a.d.', '.d.ts', 'a.d.x.mts', 'x/y.d.ts/z.ts', 'd.ts', '/w/styles.module.d.scss.ts'];
    for (const name of names) assert.equal(isDeclarationFileName(name), own!(name), name);
  });
});
