#!/usr/bin/env node
// The graph panel on real and large maps: what the server sends the panel (the model message) and
// how long it takes to build, the time from that message to the drawn view for each view
// (overview, matrix, layers) in the panel's own page (graph.js, then elk.js, the fake VS Code
// host of the browser tests, nonce CSP), and the export sizes (HTML, and SVG/PNG of the drawings).
// A benchmark, not a test: it prints numbers. It never fetches anything: pass the trees.
//
//   npm run build && npx tsc -p . && node bench/graph/views-bench.mjs [--tree <dir>]... [--runs 3] [--no-synthetic]
//   npm run bench -- --graph-tree <dir>     (the same, after the check benchmark)
//
// A tree needs its bulkhead.json (e.g. `bulkhead init --write` in a copy). The synthetic map is
// 500 modules / 100,000 import edges (test/webview/support/synthetic-result.ts).
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = (rel) => {
  const file = path.join(ROOT, 'out/tsc', rel);
  if (!fs.existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: run "npx tsc -p ." (and "npm run build") first`);
  return require(file);
};

const VIEWS = ['graph', 'matrix', 'layers'];
const NONCE = 'YmVuY2gtbm9uY2UtMTIzNA==';
// The panel's host as the browser tests fake it: messages out are kept, the saved view is preset.
const fakeVsCode = (view) => `window.__sent = []; window.__state = { view: ${JSON.stringify(view)} }; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__sent.push(m), getState: () => window.__state, setState: (s) => { window.__state = s; } });`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Measures every target; returns the rows and a markdown report. `trees`: folders with a bulkhead.json. */
export async function runGraphBench({ trees = [], synthetic = true, runs = 3, log = (l) => process.stderr.write(`${l}\n`) } = {}) {
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.BULKHEAD_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulkhead-graph-views-'));
  const rows = [];
  try {
    const targets = [...trees.map((t) => () => realTarget(t, log)), ...(synthetic ? [() => syntheticTarget()] : [])];
    for (const load of targets) {
      const target = load();
      log(`graph bench: ${target.name} (${target.result.summary.modules} modules, ${target.result.summary.files} files)`);
      rows.push(await measureTarget(browser, dir, target, runs, log));
    }
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { rows, markdown: markdownReport(rows, runs) };
}

function realTarget(tree, log) {
  const root = path.resolve(tree);
  const { openWorkspace } = out('src/engine/index.js');
  const started = performance.now();
  const session = openWorkspace({ root, configFile: path.join(root, 'bulkhead.json') });
  const checkMs = performance.now() - started;
  if (!session.configured) throw new Error(`${root}: the config has errors`);
  const all = session.allImportSites();
  const key = (from, to) => `${from}\u0000${to}`;
  log(`  checked in ${checkMs.toFixed(0)} ms`);
  return { name: path.basename(root), result: session.result, sites: (from, to) => all.get(key(from, to)) ?? [], checkMs };
}

function syntheticTarget() {
  const { syntheticResult } = out('test/webview/support/synthetic-result.js');
  const result = syntheticResult(500, 12, 100_000);
  const byPair = new Map(result.dependencies.map((d) => [`${d.from}\u0000${d.to}`, d]));
  const sites = (from, to) => {
    const d = byPair.get(`${from}\u0000${to}`);
    return Array.from({ length: d?.imports ?? 0 }, (_, i) => ({ file: `src/${from}/f${i % 40}.ts`, range: { start: { line: i + 1, column: 1 }, end: { line: i + 1, column: 9 } }, specifier: `@acme/${to}`, typeOnly: false, viaReExport: false }));
  };
  return { name: 'synthetic 500 modules', result, sites };
}

async function measureTarget(browser, dir, target, runs, log) {
  const { toGraphModel } = out('src/protocol/graph-to-model.js');
  const { graphHtml, readWebviewAssets } = out('src/cli/graph-formats/graph-html.js');
  const { graphPageHtml } = out('src/protocol/graph-page.js');
  const modelStarted = performance.now();
  const { packGraphModel } = out('src/protocol/graph-wire.js');
  const model = toGraphModel(target.result, { title: target.name });
  const wire = packGraphModel(model);
  const modelMs = performance.now() - modelStarted;
  // What the panel posts to the webview (the server's answer carries the same packed model).
  const payloadBytes = Buffer.byteLength(JSON.stringify({ type: 'model', model: wire }));
  const unpackedBytes = Buffer.byteLength(JSON.stringify({ type: 'model', model }));
  const htmlStarted = performance.now();
  const html = graphHtml(target.result, target.sites, readWebviewAssets(path.join(ROOT, 'dist/webview')));
  const htmlMs = performance.now() - htmlStarted;
  const webview = path.join(ROOT, 'dist/webview');
  const pages = Object.fromEntries(VIEWS.map((view) => {
    const file = path.join(dir, `${target.name.replace(/\W+/g, '-')}-${view}.html`);
    fs.writeFileSync(file, graphPageHtml({
      csp: `default-src 'none'; script-src 'nonce-${NONCE}'; style-src 'nonce-${NONCE}'; img-src data: blob:`,
      nonce: NONCE,
      title: target.name,
      style: { inline: fs.readFileSync(path.join(webview, 'graph.css'), 'utf8') },
      script: { inline: `${fakeVsCode(view)}\n${fs.readFileSync(path.join(webview, 'graph.js'), 'utf8')}` },
      // As the panel loads it: its own file, after the app's script (async).
      engineScript: { src: pathToFileURL(path.join(webview, 'elk.js')).href },
    }));
    return [view, pathToFileURL(file).href];
  }));
  const views = {};
  for (const view of VIEWS) {
    const all = [];
    for (let i = 0; i < runs; i++) all.push(await measureView(browser, pages[view], wire, view, i === 0));
    views[view] = { firstRenderMs: median(all.map((r) => r.firstRenderMs)), pageReadyMs: median(all.map((r) => r.pageReadyMs)), openMs: median(all.map((r) => r.openMs)), boxes: all[0].boxes, exports: all[0].exports };
    log(`  ${view}: ${views[view].firstRenderMs.toFixed(0)} ms from the model message to drawn (page ready in ${views[view].pageReadyMs.toFixed(0)} ms)`);
  }
  return {
    name: target.name,
    files: target.result.summary.files,
    modules: target.result.summary.modules,
    moduleEdges: model.edges.filter((e) => e.imports > 0).length,
    checkMs: target.checkMs,
    modelMs,
    payloadBytes,
    unpackedBytes,
    htmlBytes: Buffer.byteLength(html),
    htmlMs,
    views,
  };
}

/** A fresh panel page per run: page load to "ready", then the model message to the drawn view. */
async function measureView(browser, url, model, view, withExports) {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  const loading = Date.now();
  await page.goto(url);
  // Polled from here: the page's CSP refuses the evaluation waitForFunction uses.
  while (!(await page.evaluate(() => window.__sent.some((m) => m.type === 'ready')))) await new Promise((r) => setTimeout(r, 10));
  const pageReadyMs = Date.now() - loading;
  const firstRenderMs = await page.evaluate(async (m) => {
    const t0 = performance.now();
    window.postMessage({ type: 'model', model: m }, '*');
    await new Promise((resolve) => {
      const drawn = () => (document.body.dataset.renders === '1' ? resolve() : setTimeout(drawn, 5));
      drawn();
    });
    await window.bulkheadGraph.idle();
    await new Promise((r) => requestAnimationFrame(() => r()));
    return performance.now() - t0;
  }, model);
  // The model is posted as soon as "ready" is seen, as the panel does (the server's answer is in memory).
  const openMs = Date.now() - loading;
  const boxes = await page.evaluate((v) => (v === 'graph' ? window.bulkheadGraph.timings.boxes : v === 'layers' ? document.querySelectorAll('svg.layers [data-kind]').length : document.querySelectorAll('.matrix .row-head, .matrix [data-row]').length), view);
  const exports = withExports && view !== 'matrix' ? await measureExports(page) : undefined;
  if (problems.length > 0) throw new Error(`${view}: page errors: ${problems.join('; ')}`);
  await page.close();
  return { firstRenderMs, pageReadyMs, openMs, boxes, exports };
}

/** The SVG and PNG the toolbar's buttons hand to the extension to save (bytes of the file written). */
async function measureExports(page) {
  const sizes = {};
  for (const format of ['svg', 'png']) {
    const before = await page.evaluate(() => window.__sent.length);
    await page.locator(`#export-${format}`).click();
    let data;
    for (const end = Date.now() + 120_000; data === undefined && Date.now() < end; await new Promise((r) => setTimeout(r, 50))) {
      data = await page.evaluate((n) => window.__sent.slice(n).find((m) => m.type === 'saveExport')?.data, before);
    }
    if (data === undefined) throw new Error(`no ${format} export`);
    sizes[format] = format === 'svg' ? Buffer.byteLength(data) : Buffer.from(data.replace(/^data:[^,]*,/, ''), 'base64').length;
  }
  return sizes;
}

const kb = (bytes) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${(bytes / 1e3).toFixed(0)} kB`);
const ms = (x) => (x === undefined ? '–' : `${Math.round(x).toLocaleString('en')} ms`);

export function markdownReport(rows, runs) {
  const lines = [
    `Panel page (graph.js, then elk.js as its own script) in Debian chromium, viewport 1600×1000, median of ${runs}; "first render" is the model message to the drawn view (page load to "ready" apart).`,
    '',
    '| workspace | files | modules | module deps | model built | payload (as objects) | overview | matrix | layers | page ready | page load → overview drawn | HTML export |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    lines.push(`| ${r.name} | ${r.files > 0 ? r.files.toLocaleString('en') : '–'} | ${r.modules} | ${r.moduleEdges.toLocaleString('en')} | ${ms(r.modelMs)} | ${kb(r.payloadBytes)} (${kb(r.unpackedBytes)}) | ${ms(r.views.graph.firstRenderMs)} (${r.views.graph.boxes} boxes) | ${ms(r.views.matrix.firstRenderMs)} | ${ms(r.views.layers.firstRenderMs)} (${r.views.layers.boxes} boxes) | ${ms(r.views.graph.pageReadyMs)} | ${ms(r.views.graph.openMs)} | ${kb(r.htmlBytes)} in ${ms(r.htmlMs)} |`);
  }
  lines.push('', '| workspace | overview SVG | overview PNG | layers SVG | layers PNG |', '| --- | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    const g = r.views.graph.exports ?? {};
    const l = r.views.layers.exports ?? {};
    lines.push(`| ${r.name} | ${kb(g.svg)} | ${kb(g.png)} | ${kb(l.svg)} | ${kb(l.png)} |`);
  }
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { tree: { type: 'string', multiple: true, default: [] }, runs: { type: 'string', default: '3' }, 'no-synthetic': { type: 'boolean', default: false } } });
  const { markdown } = await runGraphBench({ trees: values.tree, synthetic: !values['no-synthetic'], runs: Number(values.runs) });
  process.stdout.write(markdown);
}
