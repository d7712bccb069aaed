import * as assert from 'node:assert/strict';
import type { ImportSite } from '../../src/engine';
import { graphHtml } from '../../src/cli/graph-formats/graph-html';
import type { GraphModel } from '../../src/protocol/graph-model';
import { resultOf } from './support/synthetic-result';

const ASSETS = { script: 'void 0;', style: 'body{}' };
const result = resultOf(
  [{ name: 'a', dependsOn: ['c'] }, { name: 'b' }, { name: 'c' }],
  [{ from: 'a', to: 'b', imports: 2 }, { from: 'b', to: 'c', imports: 1, violations: 1, declared: false }],
);
const sites = (from: string, to: string): ImportSite[] =>
  Array.from({ length: from === 'a' ? 2 : 1 }, (_, i) => ({ file: `src/${from}/f${i}.ts`, range: { start: { line: i + 1, column: 1 }, end: { line: i + 1, column: 5 } }, specifier: `@x/${to}`, typeOnly: false, viaReExport: false }));
const embedded = (html: string): GraphModel => {
  const json = /<script type="application\/json" id="bulkhead-graph-data">(.*?)<\/script>/s.exec(html)![1];
  return JSON.parse(json) as GraphModel;
};

describe('webview: the HTML export page', () => {
  it('embeds the model with the import sites of every used edge, and a fresh nonce each time', () => {
    const asked: string[] = [];
    const html = graphHtml(result, (from, to) => (asked.push(`${from}>${to}`), sites(from, to)), ASSETS);
    assert.deepEqual(asked, ['b>c', 'a>b'], 'violating edges first; the declared-but-unused a → c is not asked');
    const model = embedded(html);
    assert.deepEqual(Object.keys(model.sites!).map((k) => k.replace('\u0000', '>')).sort(), ['a>b', 'b>c']);
    assert.equal(model.sites!['a\u0000b'].total, 2);
    assert.equal(model.edges.find((e) => e.to === 'c' && e.from === 'a')?.imports, 0);
    // The matrix view's order travels with it: a → b → c, so c first.
    assert.deepEqual(model.layering, { order: ['c', 'b', 'a'], level: [0, 1, 2], cycles: [], cut: [] });
    const nonce = (h: string) => /'nonce-([^']+)'/.exec(h)![1];
    assert.notEqual(nonce(html), nonce(graphHtml(result, sites, ASSETS)));
    assert.match(html, /<style nonce="[^"]+">body\{\}<\/style>/);
  });

  it('leaves sites out once the time budget is spent (the view then says they were not embedded)', () => {
    const model = embedded(graphHtml(result, sites, ASSETS, -1));
    assert.deepEqual(model.sites, {});
  });
});
