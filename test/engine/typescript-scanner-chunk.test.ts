import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import { ts } from 'ts-morph';
import { endsExpression } from '../../src/engine/extract/token-cursor';
import { REPO_ROOT } from '../support/fixtures';
import type * as ScanFacts from '../../src/engine/extract/scan-facts';

/**
 * dist/typescript-scanner.js (scripts/typescript-scanner-chunk.mjs) is the part of TypeScript the
 * scanner path uses, cut out of it by the build; the bundles scan with it, the other tests with
 * all of TypeScript. It must read every text as TypeScript does.
 */
describe('the TypeScript scanner chunk (dist/typescript-scanner.js)', () => {
  const chunkFile = path.join(REPO_ROOT, 'dist/typescript-scanner.js');
  let chunk: typeof ts;

  before(function () {
    assert.ok(fs.existsSync(chunkFile), `${chunkFile} is missing: run \`npm run build\` first`);
    chunk = require(chunkFile) as typeof ts;
  });

  it('exports every name the files importing typescript-scanner.ts read, as TypeScript has them', () => {
    const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts/typescript-scanner-chunk.mjs'), '--names'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const { names, users } = JSON.parse(r.stdout) as { names: string[]; users: string[] };
    assert.ok(users.includes('src/engine/extract/scan-facts.ts') && users.includes('src/engine/extract/token-cursor.ts'), users.join());
    assert.deepEqual(Object.keys(chunk).sort(), names);
    for (const name of names) {
      const own = (ts as unknown as Record<string, unknown>)[name];
      const cut = (chunk as unknown as Record<string, unknown>)[name];
      if (typeof own === 'function') assert.equal(typeof cut, 'function', name);
      else assert.deepEqual(cut, own, name);
    }
  });

  it('tokenizes as TypeScript does: kinds, positions, values, flags and errors, re-scans included', () => {
    let files = 0;
    for (const [fileName, text] of corpus()) {
      const variant = /\.[jt]sx$/.test(fileName) ? ts.LanguageVariant.JSX : ts.LanguageVariant.Standard;
      assert.deepEqual(tokens(chunk, text, variant), tokens(ts, text, variant), fileName);
      files++;
    }
    assert.ok(files > 500, `${files} files`);
  });

  it('reads references and pragmas as TypeScript does', () => {
    for (const [fileName, text] of corpus()) {
      assert.deepEqual(chunk.preProcessFile(text, true, true), ts.preProcessFile(text, true, true), fileName);
      assert.deepEqual(chunk.getLeadingCommentRanges(text, 0), ts.getLeadingCommentRanges(text, 0), fileName);
    }
  });

  it('gives the scanner path the same facts as all of TypeScript does', () => {
    const own = require('../../src/engine/extract/scan-facts') as typeof ScanFacts;
    const cut = withScannerChunk(chunk, () => require('../../src/engine/extract/scan-facts') as typeof ScanFacts);
    assert.notEqual(cut, own);
    let scanned = 0;
    for (const [fileName, text] of corpus()) {
      const facts = own.scanFacts(fileName, text, true);
      assert.deepEqual(cut.scanFacts(fileName, text, true), facts, fileName);
      if (facts) scanned++;
    }
    assert.ok(scanned > 300, `${scanned} files read by the scanner`);
  });
});

/** Loads `load`'s modules afresh with typescript-scanner.ts standing for the chunk, as in the bundles. */
function withScannerChunk<T>(chunk: typeof ts, load: () => T): T {
  const saved = { ...require.cache };
  const extract = path.dirname(require.resolve('../../src/engine/extract/typescript-scanner'));
  for (const key of Object.keys(require.cache)) if (key.startsWith(extract + path.sep)) delete require.cache[key];
  const scannerModule = require.resolve('../../src/engine/extract/typescript-scanner');
  const stand = new Module(scannerModule);
  stand.filename = scannerModule;
  stand.loaded = true;
  stand.exports = { ts: chunk };
  require.cache[scannerModule] = stand;
  try {
    return load();
  } finally {
    for (const key of Object.keys(require.cache)) delete require.cache[key];
    Object.assign(require.cache, saved);
  }
}

/** This repository's sources and fixtures, and texts that take the scanner's rarer paths. */
function* corpus(): Generator<[string, string]> {
  for (const [i, text] of TRICKY.entries()) yield [`tricky-${i}.tsx`, text];
  for (const [i, text] of TRICKY.entries()) yield [`tricky-${i}.ts`, text];
  for (const dir of ['src', 'test/fixtures', 'examples']) {
    for (const rel of fs.readdirSync(path.join(REPO_ROOT, dir), { recursive: true, encoding: 'utf8' })) {
      if (!/\.(?:[cm]?[jt]sx?)$/.test(rel) || rel.includes('node_modules')) continue;
      const file = path.join(REPO_ROOT, dir, rel);
      if (fs.statSync(file).isFile()) yield [file, fs.readFileSync(file, 'utf8')];
    }
  }
}

const TRICKY = [
  '#!/usr/bin/env node\n/// <reference path="./a.d.ts" />\n/// <reference types="node" resolution-mode="import" />\n/** @jsxImportSource preact */\nimport a from "./a";',
  'const r = /[/]\\//giu, d = a / b / c; const big = 0x1_000n + 1e-7 + .5 + 0b101 + 0o17;',
  'const t = `a${`b${c}`}d${e}` + "unterminated\nconst u = \'x',
  'const s = `unterminated ${a',
  'class A { #p = 1; static { this.#p; } @dec m<T,>(): T {} }',
  'const ùnicode = 1, \\u0061b = 2, 𝑥 = 3; \\u{1D465};',
  '<<<<<<< HEAD\nconst a = 1;\n=======\nconst a = 2;\n>>>>>>> branch\n',
  'const el = <div a="1" b={2} {...c}>text {x} &amp; <b>bold</b></div>; const f = <T,>(t: T) => t;',
  'let a = b >>> c >>= d >= e > f; a ??= b?.c ?? d; x **= 2;',
  'const bad = /unterminated\nconst re = /(?<name>a)\\k<name>/v; /[\\p{L}--\\p{N}]/v;',
  '@\u0000 \u2028 \uFEFF const z = 1; /* unterminated comment',
  'const n = 08 + 1__0 + 0x + 1e; const s = "\\u{110000}" + "\\xZZ";',
];

type TokenRow = [kind: number, start: number, end: number, value: string, flags: number, errors: string];

/** Every token of `text`, re-scanning `/` (by the token cursor's own rule), `>` and template continuations. */
function tokens(api: typeof ts, text: string, variant: ts.LanguageVariant): TokenRow[] {
  const SK = ts.SyntaxKind;
  let errors: string[] = [];
  const scanner = api.createScanner(ts.ScriptTarget.Latest, true, variant, text, (message, length) => errors.push(`${message.code}:${length}`));
  const rows: TokenRow[] = [];
  const braces: boolean[] = [];
  let previous = SK.Unknown;
  for (let kind = scanner.scan(); kind !== SK.EndOfFileToken && rows.length < 100_000; kind = scanner.scan()) {
    if ((kind === SK.SlashToken || kind === SK.SlashEqualsToken) && !endsExpression(previous)) kind = scanner.reScanSlashToken();
    if (kind === SK.GreaterThanToken) kind = scanner.reScanGreaterToken();
    if (kind === SK.OpenBraceToken || kind === SK.TemplateHead) braces.push(kind === SK.TemplateHead);
    if (kind === SK.CloseBraceToken && braces.pop()) {
      kind = scanner.reScanTemplateToken(false);
      if (kind === SK.TemplateMiddle) braces.push(true);
    }
    rows.push([kind, scanner.getTokenStart(), scanner.getTokenEnd(), scanner.getTokenValue(), (scanner as unknown as { getTokenFlags(): number }).getTokenFlags(), errors.join()]);
    errors = [];
    previous = kind;
  }
  return rows;
}
