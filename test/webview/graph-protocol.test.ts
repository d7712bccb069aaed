import * as assert from 'node:assert/strict';
import type { ImportSite } from '../../src/engine';
import { toEdgeSites } from '../../src/protocol/graph-import-sites';
import { isFromGraphView } from '../../src/protocol/graph-messages';
import { graphPageHtml, jsonForScript } from '../../src/protocol/graph-page';
import { resultOf } from './support/synthetic-result';

const site = (file: string, line: number): ImportSite => ({ file, range: { start: { line, column: 8 }, end: { line, column: 20 } }, specifier: '@acme/users', typeOnly: false, viaReExport: false });

describe('webview: protocol helpers', () => {
  it('lists import sites with every rule they break, violations first, capped with a total', () => {
    const { violations } = resultOf([], [], [
      { file: 'src/b.ts', range: { start: { line: 4, column: 8 }, end: { line: 4, column: 20 } }, rule: 'internal-import', sourceModule: 'orders', targetModule: 'users' },
      { file: 'src/b.ts', range: { start: { line: 4, column: 8 }, end: { line: 4, column: 20 } }, rule: 'undeclared-dependency', sourceModule: 'orders', targetModule: 'users', severity: 'warn' },
      // Same place, other dependency: not this edge's.
      { file: 'src/a.ts', range: { start: { line: 1, column: 8 }, end: { line: 1, column: 20 } }, rule: 'cycle', sourceModule: 'orders', targetModule: 'billing' },
    ]);
    const sites = toEdgeSites([site('src/a.ts', 1), site('src/b.ts', 4), site('src/c.ts', 2)], violations, 'orders', 'users', 2);
    assert.equal(sites.total, 3);
    assert.deepEqual(sites.sites.map((s) => [s.file, s.line, s.rules, s.severity]), [
      ['src/b.ts', 4, ['internal-import', 'undeclared-dependency'], 'error'],
      ['src/a.ts', 1, undefined, undefined],
    ]);
  });

  it('accepts only well-formed messages from the webview', () => {
    assert.equal(isFromGraphView({ type: 'openImportSite', file: 'src/a.ts', line: 3, column: 1 }), true);
    assert.equal(isFromGraphView({ type: 'openImportSite', file: 'src/a.ts', line: '3', column: 1 }), false);
    assert.equal(isFromGraphView({ type: 'saveExport', format: 'exe', data: '' }), false);
    assert.equal(isFromGraphView({ type: 'eval', code: '1' }), false);
    assert.equal(isFromGraphView(null), false);
    assert.equal(isFromGraphView({ type: 'showSince', ref: 'main' }), true);
    assert.equal(isFromGraphView({ type: 'showSince', ref: null }), true);
    assert.equal(isFromGraphView({ type: 'showSince', ref: 3 }), false);
    assert.equal(isFromGraphView({ type: 'showSince', ref: 'a'.repeat(300) }), false, 'a ref longer than anyone types does not reach git');
  });

  it('embeds JSON so that no module name can end the script element', () => {
    const json = JSON.stringify({ name: '</script><script>alert(1)</script><!--\u2028' });
    const embedded = jsonForScript(json);
    assert.doesNotMatch(embedded, /<|>|\u2028/);
    assert.deepEqual(JSON.parse(embedded), JSON.parse(json));
    const page = graphPageHtml({ csp: "default-src 'none'", nonce: 'n0nce', title: '<b>', style: { inline: 'body{}' }, script: { inline: 'let a = "</script>";' }, dataJson: json });
    assert.equal(page.match(/<\/script>/g)?.length, 2, 'only the data and app elements close');
    assert.match(page, /<title>&lt;b&gt;<\/title>/);
  });
});
