import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import type { ImportSite } from '../../src/engine';
import { graphHtml, readWebviewAssets } from '../../src/cli/graph-formats/graph-html';
import { REPO_ROOT } from '../support/fixtures';
import type { GraphModel } from '../../src/protocol/graph-model';
import { unpackGraphModel, WIRE_FORMAT, type WireGraphModel } from '../../src/protocol/graph-wire';
import { resultOf, syntheticResult } from './support/synthetic-result';

const ASSETS = { script: 'void 0;', style: 'body{}' };
const result = resultOf(
  [{ name: 'a', dependsOn: ['c'] }, { name: 'b' }, { name: 'c' }],
  [{ from: 'a', to: 'b', imports: 2 }, { from: 'b', to: 'c', imports: 1, violations: 1, declared: false }],
);
const sites = (from: string, to: string): ImportSite[] =>
  Array.from({ length: from === 'a' ? 2 : 1 }, (_, i) => ({ file: `src/${from}/f${i}.ts`, range: { start: { line: i + 1, column: 1 }, end: { line: i + 1, column: 5 } }, specifier: `@x/${to}`, typeOnly: false, viaReExport: false }));
const wire = (html: string): WireGraphModel => JSON.parse(/<script type="application\/json" id="bulkhead-graph-data">(.*?)<\/script>/s.exec(html)![1]) as WireGraphModel;
const embedded = (html: string): GraphModel => unpackGraphModel(wire(html));

describe('webview: the HTML export page', () => {
  it('embeds the model with the import sites of every used edge, and a fresh nonce each time', () => {
    const asked: string[] = [];
    const html = graphHtml(result, (from, to) => (asked.push(`${from}>${to}`), sites(from, to)), ASSETS);
    assert.deepEqual(asked, ['b>c', 'a>b'], 'violating edges first; the declared-but-unused a → c is not asked');
    const model = embedded(html);
    assert.deepEqual(Object.keys(model.sites!).map((k) => k.replace('\u0000', '>')).sort(), ['a>b', 'b>c']);
    assert.equal(model.sites!['a\u0000b'].total, 2);
    assert.equal(model.edges.find((e) => e.to === 'c' && e.from === 'a')?.imports, 0);
    assert.equal(wire(html).format, WIRE_FORMAT);
    assert.ok(wire(html).edges.every((n) => typeof n === 'number'), 'edges travel as numbers (the page joins from and to again)');
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

  it('carries the layout engine deflated, not in the script, and packs the sites: 100 modules fit in 1.5 MB', () => {
    const assets = readWebviewAssets(path.join(REPO_ROOT, 'dist/webview'));
    assert.ok(!assets.script.includes('org.eclipse.elk'), 'the export script leaves ELK out');
    const big = syntheticResult(100, 12, 100_000);
    const imports = new Map(big.dependencies.map((d) => [`${d.from}>${d.to}`, d.imports]));
    // Every edge's imports, from 40 files per module: 400 edges with sites, most of them capped.
    const everySite = (from: string, to: string): ImportSite[] =>
      Array.from({ length: imports.get(`${from}>${to}`) ?? 0 }, (_, i) => ({ file: `src/${from}/f${i % 40}.ts`, range: { start: { line: i + 1, column: 1 }, end: { line: i + 1, column: 9 } }, specifier: `@acme/${to}`, typeOnly: false, viaReExport: false }));
    const html = graphHtml(big, everySite, assets);
    const model = embedded(html);
    assert.equal(Object.keys(model.sites!).length, 400);
    assert.ok(Object.values(model.sites!).every((s) => s.sites.length <= 100 && s.total >= s.sites.length));
    const base64 = /<script type="application\/octet-stream" id="bulkhead-layout-engine">([A-Za-z0-9+/=]+)<\/script>/.exec(html)![1];
    assert.equal(inflateRawSync(Buffer.from(base64, 'base64')).toString('utf8'), assets.layoutEngine);
    console.log(`      100 modules: ${(html.length / 1e6).toFixed(2)} MB (engine ${(base64.length / 1e6).toFixed(2)} MB of it, app ${(assets.script.length / 1e3).toFixed(0)} kB)`);
    assert.ok(html.length <= 1_500_000, String(html.length));
  });
});
