import * as assert from 'node:assert/strict';
import { extractFacts, parseFacts } from '../../src/engine/extract/extract-facts';
import { scanFacts } from '../../src/engine/extract/scan-facts';

describe('extracting import facts', () => {
  it('finds every import form with the range of its specifier', () => {
    const text = [
      "import a, { b as c, type D } from './one';",
      "import type { E } from './two';",
      "import * as ns from './three';",
      "import './side-effect';",
      "export * from './four';",
      "export { f as g } from './five';",
      "import h = require('./six');",
      "const i = require('./seven');",
      "const j = await import('./eight');",
      "type K = typeof import('./nine');",
      "// import x from './commented-out';",
      "const s = \"import y from './in-a-string'\";",
    ].join('\n');
    const facts = extractFacts('/w/a.ts', text);
    assert.deepEqual(
      facts.imports.map((i) => [i.specifier, i.kind, i.typeOnly, `${i.range.start.line}:${i.range.start.column}`]),
      [
        ['./one', 'import', false, '1:35'],
        ['./two', 'import', true, '2:24'],
        ['./three', 'import', false, '3:21'],
        ['./side-effect', 'import', false, '4:8'],
        ['./four', 'export', false, '5:15'],
        ['./five', 'export', false, '6:24'],
        ['./six', 'import-equals', false, '7:20'],
        ['./seven', 'require', false, '8:19'],
        ['./eight', 'dynamic-import', false, '9:24'],
        ['./nine', 'import-type-query', true, '10:24'],
      ],
    );
    assert.deepEqual(facts.imports[0].names, [
      { imported: 'default', local: 'a' },
      { imported: 'b', local: 'c' },
      { imported: 'D', local: 'D' },
    ]);
    assert.deepEqual(facts.starExports, [4]);
    assert.deepEqual(facts.reExports, [{ exported: 'g', imported: 'f', importIndex: 5 }]);
  });

  it('records local exports and import-then-export re-exports', () => {
    const facts = extractFacts('/w/index.ts', [
      "import { Money } from '../shared/money';",
      'export { Money };',
      'export class Invoice {}',
      'export const a = 1, { b, c: [d] } = x;',
      'export default function () {}',
      "export * as helpers from './helpers';",
    ].join('\n'));
    assert.deepEqual(facts.reExports, [{ exported: 'Money', imported: 'Money', importIndex: 0 }]);
    assert.deepEqual(facts.localExports.sort(), ['Invoice', 'a', 'b', 'd', 'default', 'helpers']);
  });

  it('keeps what it can parse from a file with syntax errors and reports the first error', () => {
    const facts = extractFacts('/w/broken.ts', "import { a } from './a';\nconst = ;\nimport { b } from './b';\n");
    assert.deepEqual(facts.imports.map((i) => i.specifier), ['./a', './b']);
    assert.equal(facts.syntaxError?.range.start.line, 2);
  });

  it('finds import and require calls with comments or line breaks before the parenthesis', () => {
    // None of these files has a plain `import(` or `require(`: the deep walk must run all the same.
    const cases: [string, string, string][] = [
      ['const a = import /* lazy */ ("./a");', 'dynamic-import', '1:30'],
      ['const b = require /* sync */ ("./b");', 'require', '1:31'],
      ['const c = import(\n  "./c");', 'dynamic-import', '2:3'],
      ['const d = import // line comment\n  ("./d");', 'dynamic-import', '2:4'],
      ['const e = require?.("./e");', 'require', '1:21'],
      ['const f = require ?. /* x */ ("./f");', 'require', '1:31'],
      ['type G = import /**/ ("./g").G;', 'import-type-query', '1:23'],
      ['const h = import\u2028("./h");', 'dynamic-import', '2:2'],
    ];
    for (const [text, kind, at] of cases) {
      for (const facts of [extractFacts('/w/a.ts', text), parseFacts('/w/a.ts', text)]) {
        assert.deepEqual(facts.imports.map((i) => [i.kind, `${i.range.start.line}:${i.range.start.column}`]), [[kind, at]], text);
      }
    }
  });

  it('reads declare module blocks as the program does: augmentations in modules, non-relative imports of ambient modules in scripts', () => {
    const facts = (fileName: string, text: string): string[] =>
      extractFacts(fileName, text).imports.map((i) => `${i.kind} ${i.specifier} ${i.typeOnly} ${i.range.start.line}:${i.range.start.column}`);
    const augmenting = "import type { A } from './a';\ndeclare module './a' {\n  import { x } from 'ignored-inside';\n  interface A { b: string }\n}\nexport declare module 'pkg' {}";
    assert.deepEqual(facts('/w/m.ts', augmenting), ['import ./a true 1:24', 'module-augmentation ./a true 2:16', 'module-augmentation pkg true 6:23']);
    const ambient = [
      "declare module 'plugin' {",
      "  export * from '@b/internal/x';",
      "  import s = require('@b/internal/y');",
      "  import { rel } from './relative-is-skipped';",
      "  module 'nested-pkg' { }",
      "  module './nested-relative' { }",
      '}',
      "declare module './script-relative' {}",
      "module 'not-ambient-in-a-script' { import z from 'z'; }",
    ].join('\n');
    assert.deepEqual(facts('/w/globals.ts', ambient), ['export @b/internal/x true 2:17', 'import-equals @b/internal/y true 3:22', 'module-augmentation nested-pkg true 5:10']);
    assert.deepEqual(facts('/w/globals.d.ts', ambient).at(-1), 'import z true 9:50', 'a declaration file needs no declare');
    assert.deepEqual(facts('/w/forced.mts', "declare module './a' {}"), ['module-augmentation ./a true 1:16'], '.mts is always a module');
  });

  it('reads the imports of a JavaScript file\'s JSDoc, as TypeScript\'s program does (and none of a TypeScript file\'s)', () => {
    const text = [
      '/** @import { Invoice, Line as InvoiceLine } from "./invoice" */',
      '/** @import * as money from "../money" */',
      '/** @import Client from "@b/client" */',
      '/**',
      ' * @typedef {import("./types").Options} Options',
      ' * @param {Array<Map<string, import("./line").Line>>} lines',
      ' * @returns {Promise<import("./total")>}',
      ' */',
      'export function total(lines) {}',
      '/** @type {import("./store").Store} */',
      'let store;',
      '// {import("./in-a-line-comment")} and @import { X } from "./nor-here"',
    ].join('\n');
    const facts = extractFacts('/w/a.js', text);
    assert.equal(scanFacts('/w/a.js', text), undefined, 'the fast path leaves JSDoc imports to the parser');
    assert.deepEqual(facts.imports.map((i) => `${i.kind} ${i.specifier} ${i.typeOnly} ${i.range.start.line}:${i.range.start.column}`), [
      'jsdoc-import ./invoice true 1:51',
      'jsdoc-import ../money true 2:29',
      'jsdoc-import @b/client true 3:25',
      'import-type-query ./types true 5:21',
      'import-type-query ./line true 6:37',
      'import-type-query ./total true 7:29',
      'import-type-query ./store true 10:19',
    ]);
    assert.deepEqual(facts.imports.slice(0, 3).map((i) => i.names), [
      [{ imported: 'Invoice', local: 'Invoice' }, { imported: 'Line', local: 'InvoiceLine' }],
      [{ imported: '*', local: 'money' }],
      [{ imported: 'default', local: 'Client' }],
    ]);
    assert.deepEqual(extractFacts('/w/a.ts', text).imports, [], 'TypeScript files type with their own syntax');
    assert.deepEqual(extractFacts('/w/a.mjs', text).imports.length, 7);
  });

  it('does not treat require or import calls on other objects as imports', () => {
    const facts = extractFacts('/w/x.ts', "foo.require('./a'); obj.import('./b'); require(name); require('./c', 2);");
    assert.deepEqual(facts.imports, []);
  });
});
