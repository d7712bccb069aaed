import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkWorkspace } from '../../src/engine';
import { parseConfigText } from '../../src/engine/config/load-config';
import { findIgnoreComments } from '../../src/engine/suppress/ignore-comments';
import { compileModulePattern } from '../../src/engine/map/module-pattern';
import { tempWorkspace } from '../support/temp-workspace';

const RUNS = Number(process.env.BULKHEAD_FUZZ_RUNS ?? 300);

describe('robustness: property-based tests', function () {
  this.timeout(180_000);

  it('the config parser never throws, is deterministic, and points inside the text', () => {
    const jsonish = fc.oneof(
      fc.string(),
      fc.json(),
      fc.jsonValue().map((v) => JSON.stringify({ modules: [v], rules: v })),
      fc.record({ modules: fc.array(fc.record({ name: fc.string(), path: fc.oneof(fc.string(), fc.array(fc.string())), dependsOn: fc.array(fc.string()) })) }).map((o) => JSON.stringify(o, null, 2)),
    );
    fc.assert(
      fc.property(jsonish, (text) => {
        const a = parseConfigText(text, 'bulkhead.json');
        const b = parseConfigText(text, 'bulkhead.json');
        assert.deepEqual(a.diagnostics, b.diagnostics);
        const lines = text.split(/\r\n|\r|\n/).length;
        for (const d of a.diagnostics) {
          assert.ok(d.range.start.line >= 1 && d.range.start.line <= lines, `line ${d.range.start.line} of ${lines}`);
          assert.ok(d.range.start.column >= 1);
          assert.ok(d.message.length > 0);
        }
        if (a.config) assert.ok(Array.isArray(a.config.modules));
      }),
      { numRuns: RUNS },
    );
  });

  it('module patterns never throw on odd globs and capture exactly the placeholder segment', () => {
    const segment = fc.stringMatching(/^[a-z0-9._-]{1,8}$/).filter((s) => s !== '.' && s !== '..');
    const patternPart = fc.oneof(segment, fc.constant('*'), fc.constant('**'), fc.constant('<name>'), fc.constant('{a,b}'), fc.constant('[x-z]'), fc.constant('?'), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(patternPart, { minLength: 1, maxLength: 6 }), fc.array(segment, { minLength: 1, maxLength: 6 }), (parts, dirParts) => {
        const pattern = compileModulePattern(parts.join('/'));
        const dir = dirParts.join('/');
        assert.deepEqual(pattern.match(dir), compileModulePattern(parts.join('/')).match(dir));
      }),
      { numRuns: RUNS },
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 3 }), segment, (prefix, name) => {
        const base = ['src', ...prefix].join('/');
        assert.deepEqual(compileModulePattern(`${base}/<name>`).match(`${base}/${name}`), { name });
        assert.equal(compileModulePattern(`${base}/<name>`).match(`${base}/${name}/inner`), undefined);
      }),
      { numRuns: RUNS },
    );
  });

  it('the ignore-comment scanner never throws and only reports lines that exist', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constant('// bulkhead-ignore cycle: why'), fc.constant('/* bulkhead-ignore'), fc.constant('x; // bulkhead-ignore a, b:')), { maxLength: 30 }), (lines) => {
        const text = lines.join('\n');
        const total = text.split(/\r\n|\r|\n/).length;
        for (const c of findIgnoreComments(text)) {
          assert.ok(c.range.start.line <= total && c.targetLine <= total);
          assert.ok(c.targetLine >= c.range.start.line);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('fingerprints are stable under unrelated edits anywhere in the file', () => {
    const ws = tempWorkspace({
      'bulkhead.json': JSON.stringify({ modules: [{ name: 'a', path: 'src/a' }, { name: 'b', path: 'src/b' }, { name: 'c', path: 'src/c' }] }),
      'src/b/internal.ts': 'export const x = 1, y = 2;\n',
      'src/c/index.ts': 'export const z = 3;\n',
    });
    const imports = ["import { x } from '../b/internal';", "import { z } from '../c';", "import { y } from '../b/internal';"];
    const file = path.join(ws.root, 'src/a/index.ts');
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, `${imports.join('\n')}\n`);
      const reference = checkWorkspace({ root: ws.root }).violations.map((v) => `${v.rule} ${v.fingerprint}`).sort();
      assert.equal(reference.length, 5);
      const unrelated = fc.oneof(fc.constant(''), fc.constant('// a comment'), fc.constant('export const filler = 42;'), fc.constant('/* block */'), fc.constant("import { other } from 'react';"));
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.nat(imports.length), unrelated), { maxLength: 8 }), (insertions) => {
          const lines = [...imports];
          for (const [at, text] of insertions) lines.splice(Math.min(at, lines.length), 0, text);
          fs.writeFileSync(file, `${lines.join('\n')}\n`);
          const now = checkWorkspace({ root: ws.root }).violations.map((v) => `${v.rule} ${v.fingerprint}`).sort();
          assert.deepEqual(now, reference);
        }),
        { numRuns: Math.min(RUNS, 60) },
      );
    } finally {
      ws.dispose();
    }
  });
});
