#!/usr/bin/env node
// Graph view timings in Debian chromium: first render of the grouped overview (layout + drawing),
// filter time (filters lay out what they keep) and opening a group, for a
// small and a large synthetic workspace, and the matrix view opened on its own (page.html#matrix:
// no layout) and scrolled. A benchmark, not a test: it prints numbers.
//
//   npm run build && npx tsc -p . && node bench/graph/render-bench.mjs [--runs 3]
//
// Sizes: 50 modules / 2,000 import edges, and 500 modules / 100,000 import edges (layered,
// every 50th dependency undeclared, a few cycles; see test/webview/support/synthetic-result.ts).
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const { syntheticResult } = require(path.join(ROOT, 'out/tsc/test/webview/support/synthetic-result.js'));
const { graphHtml, readWebviewAssets } = require(path.join(ROOT, 'out/tsc/src/cli/graph-formats/graph-html.js'));
const { chromium } = require('playwright-core');

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;
const SIZES = [
  { modules: 50, perModule: 4, imports: 2_000 },
  { modules: 500, perModule: 12, imports: 100_000 },
];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  const started = Date.now();
  await page.goto(url);
  await page.waitForSelector('body[data-renders="1"]', { timeout: 600_000 });
  const firstRenderMs = Date.now() - started;
  const t = await page.evaluate(() => window.bulkheadGraph.timings);
  const counts = await page.evaluate(() => ({ nodes: document.querySelectorAll('.node, .cluster').length, edges: document.querySelectorAll('.edge').length }));
  // Filter round trips as a user triggers them: the input event, the filter, the layout of what it
  // keeps (filters lay out again; search only marks), the drawing, and the style/layout pass after.
  const filter = async (action) => page.evaluate(async (a) => {
    const t0 = performance.now();
    const el = document.getElementById(a.id);
    if (a.check !== undefined) { el.checked = a.check; el.dispatchEvent(new Event('change')); }
    else { el.value = a.value; el.dispatchEvent(new Event('input')); }
    await window.bulkheadGraph.idle();
    document.querySelector('svg.graph').getBoundingClientRect();
    await new Promise((r) => requestAnimationFrame(() => r()));
    return performance.now() - t0;
  }, action);
  const filters = {
    onlyViolations: await filter({ id: 'only-violations', check: true }),
    clearViolations: await filter({ id: 'only-violations', check: false }),
    search: await filter({ id: 'search', value: 'module-1' }),
    neighbourhood: await filter({ id: 'focus', value: await page.evaluate(() => window.bulkheadGraph.model.nodes[0].id) }),
    hide: await filter({ id: 'hide', value: 'layer3/*' }),
  };
  // Opening the first group in place (a layout with its modules in a frame).
  const expandMs = await page.evaluate(async () => {
    for (const id of ['focus', 'hide', 'search']) { const el = document.getElementById(id); el.value = ''; el.dispatchEvent(new Event('input')); }
    await window.bulkheadGraph.idle();
    const box = document.querySelector('.cluster');
    if (!box) return 0;
    const t0 = performance.now();
    box.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await window.bulkheadGraph.idle();
    return performance.now() - t0;
  });
  await page.close();
  return { firstRenderMs, layoutMs: t.lastLayoutMs, layouts: t.layouts, renderMs: t.lastRenderMs, fitScale: t.fitScale, filters, counts, expandMs };
}

/** The matrix: page load to first render, then a scroll to the far corner and the frames after it. */
async function measureMatrix(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  const started = Date.now();
  await page.goto(`${url}#matrix`);
  await page.waitForSelector('body[data-renders="1"]', { timeout: 600_000 });
  const firstRenderMs = Date.now() - started;
  const t = await page.evaluate(() => window.bulkheadGraph.timings);
  const scrollMs = await page.evaluate(() => new Promise((resolve) => {
    const m = document.querySelector('.matrix');
    const t0 = performance.now();
    m.scrollTop = m.scrollHeight / 2;
    m.scrollLeft = m.scrollWidth / 4;
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
  }));
  const elements = await page.evaluate(() => document.querySelectorAll('.matrix *').length);
  await page.close();
  return { firstRenderMs, renderMs: t.lastRenderMs, layouts: t.layouts, scrollMs, elements };
}

const browser = await chromium.launch({
  executablePath: process.env.BULKHEAD_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulkhead-graph-bench-'));
try {
  const assets = readWebviewAssets(path.join(ROOT, 'dist/webview'));
  for (const size of SIZES) {
    const result = syntheticResult(size.modules, size.perModule, size.imports);
    const importCount = result.dependencies.reduce((n, d) => n + d.imports, 0);
    const sites = (from, to) => {
      const d = result.dependencies.find((x) => x.from === from && x.to === to);
      return Array.from({ length: d.imports }, (_, i) => ({ file: `src/${from}/f${i % 40}.ts`, range: { start: { line: i + 1, column: 1 }, end: { line: i + 1, column: 9 } }, specifier: `@acme/${to}`, typeOnly: false, viaReExport: false }));
    };
    const html = graphHtml(result, sites, assets);
    const file = path.join(dir, `graph-${size.modules}.html`);
    fs.writeFileSync(file, html);
    const all = [];
    for (let i = 0; i < runs; i++) all.push(await measure(browser, pathToFileURL(file).href));
    const m = (f) => median(all.map(f)).toFixed(0);
    console.log(`${size.modules} modules, ${result.dependencies.length} module dependencies, ${importCount} import edges (HTML ${(html.length / 1e6).toFixed(1)} MB; ${all[0].counts.nodes} nodes, ${all[0].counts.edges} edges drawn), median of ${runs}:`);
    console.log(`  first render ${m((r) => r.firstRenderMs)} ms (page load to drawn; ${all[0].layouts} layouts, the last ELK run ${m((r) => r.layoutMs)} ms, layouts + drawing ${m((r) => r.renderMs)} ms; Fit zoom ${all[0].fitScale.toFixed(2)})`);
    console.log(`  filters (laid out again, except search): ${Object.keys(all[0].filters).map((k) => `${k} ${m((r) => r.filters[k])} ms`).join(', ')}; opening a group ${m((r) => r.expandMs)} ms`);
    const matrix = [];
    for (let i = 0; i < runs; i++) matrix.push(await measureMatrix(browser, pathToFileURL(file).href));
    const mm = (f) => median(matrix.map(f)).toFixed(0);
    console.log(`  matrix: first render ${mm((r) => r.firstRenderMs)} ms (page load to drawn, ${matrix[0].layouts} layouts; model to matrix ${mm((r) => r.renderMs)} ms), scroll ${mm((r) => r.scrollMs)} ms to two frames later, ${matrix[0].elements} elements`);
  }
} finally {
  await browser.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
