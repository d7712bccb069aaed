/**
 * The webview as VS Code runs it (messages through acquireVsCodeApi), with a stand-in for the
 * extension: updates change elements in place, positions stay put, clicks become typed messages.
 */
import * as assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { ToGraphView } from '../../src/protocol/graph-messages';
import { toGraphModel } from '../../src/protocol/graph-to-model';
import { packGraphModel } from '../../src/protocol/graph-wire';
import { launchChromium, type PageProblems } from './support/browser';
import { clickEdge, edgeSelector, panelPageHtml, writePage } from './support/graph-page-helpers';
import { resultOf, syntheticResult } from './support/synthetic-result';

const NONCE = 'dGVzdC1ub25jZS0xMjM0NQ==';
const FAKE_VSCODE = `window.__sent = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__sent.push(m), getState: () => window.__state, setState: (s) => { window.__state = s; } });`;

const model = (violations: number, extra = false) =>
  packGraphModel(toGraphModel(
    resultOf(
      [{ name: 'web' }, { name: 'orders' }, { name: 'billing' }, ...(extra ? [{ name: 'audit' }] : [])],
      [
        { from: 'web', to: 'orders', imports: 4 },
        { from: 'orders', to: 'billing', imports: 2, violations, declared: violations === 0 },
        ...(extra ? [{ from: 'audit', to: 'orders', imports: 1 }] : []),
      ],
    ),
    { title: 'acme' },
  ));

describe('webview: inside VS Code (message host), live updates', () => {
  let browser: Browser;
  let page: Page;
  let problems: PageProblems;
  const send = (m: ToGraphView) => page.evaluate(`window.postMessage(${JSON.stringify(m)}, '*')`);
  const sent = () => page.evaluate('window.__sent') as Promise<{ type: string; [k: string]: unknown }[]>;
  const renders = async (n: number) => page.waitForSelector(`body[data-renders="${n}"]`);

  before(async () => {
    const html = panelPageHtml(NONCE, FAKE_VSCODE);
    browser = await launchChromium();
    // Not openWatched: the first render here waits for a model message, sent by the first test.
    page = await browser.newPage({ viewport: { width: 1200, height: 700 } });
    problems = { errors: [], dialogs: [], requests: [] };
    page.on('pageerror', (e) => problems.errors.push(e.message));
    await page.goto(writePage('vscode.html', html).url);
  });
  after(async () => browser?.close());

  it('says ready, then draws the first model', async () => {
    assert.deepEqual(await sent(), [{ type: 'ready' }]);
    await send({ type: 'model', model: model(0) });
    await renders(1);
    assert.equal(await page.locator('.node').count(), 3);
    assert.equal(await page.locator('.edge.violation').count(), 0);
  });

  it('an update with new violations restyles in place: same elements, same positions, no layout', async () => {
    await page.evaluate("document.querySelector('.node[data-module=orders]').__marker = 'kept'");
    const before = await page.locator('.node[data-module="orders"]').getAttribute('transform');
    await send({ type: 'model', model: model(2) });
    await renders(2);
    assert.equal(await page.evaluate("document.querySelector('.node[data-module=orders]').__marker"), 'kept');
    assert.equal(await page.locator('.node[data-module="orders"]').getAttribute('transform'), before);
    assert.match((await page.locator(edgeSelector('orders', 'billing')).getAttribute('class')) ?? '', /\bviolation\b.*\bundeclared\b/);
    assert.equal(await page.evaluate('window.bulkheadGraph.timings.layouts'), 1);
  });

  it('highlights the module of the active editor', async () => {
    await send({ type: 'activeModule', module: 'billing' });
    await page.waitForSelector('.node.active[data-module="billing"]');
    await send({ type: 'activeModule', module: undefined });
    await page.waitForSelector('.node.active', { state: 'detached' });
  });

  it('asks the extension for import sites and to open the editor at one', async () => {
    await clickEdge(page, 'orders', 'billing');
    const request = (await sent()).find((m) => m.type === 'requestImportSites')!;
    assert.deepEqual({ ...request, requestId: 0 }, { type: 'requestImportSites', requestId: 0, from: 'orders', to: 'billing' });
    await send({
      type: 'importSites', requestId: request.requestId as number, edgeId: 'orders\u0000billing',
      sites: { total: 1, sites: [{ file: 'src/orders/checkout.ts', line: 12, column: 5, specifier: '../billing/internal', typeOnly: false, viaReExport: false, rules: ['internal-import'], severity: 'error' }] },
    });
    await page.locator('.details .site').click();
    assert.deepEqual((await sent()).at(-1), { type: 'openImportSite', file: 'src/orders/checkout.ts', line: 12, column: 5 });
    assert.equal(await page.locator('.details output.path').count(), 0, 'in VS Code the editor opens instead');
  });

  it('a new module re-lays out incrementally and keeps the existing elements and the selection', async () => {
    await send({ type: 'model', model: model(2, true) });
    await renders(3);
    assert.equal(await page.evaluate('window.bulkheadGraph.timings.layouts'), 2);
    assert.equal(await page.evaluate("document.querySelector('.node[data-module=orders]').__marker"), 'kept');
    assert.equal(await page.locator('.node').count(), 4);
    assert.equal(await page.locator('.details h2').textContent(), 'orders → billing');
  });

  it('the matrix: a cell asks the extension for the sites of its edge, and updates arrive in place', async () => {
    await page.locator('#view-matrix').click();
    assert.deepEqual(await page.evaluate('window.__state'), { view: 'matrix' }, 'the panel reopens on the matrix');
    const before = (await sent()).length;
    await page.locator('.matrix .cell[data-from="web"][data-to="orders"]').click();
    const requests = (await sent()).slice(before).filter((m) => m.type === 'requestImportSites');
    assert.deepEqual(requests.map((m) => ({ ...m, requestId: 0 })), [{ type: 'requestImportSites', requestId: 0, from: 'web', to: 'orders' }]);
    assert.equal(await page.locator('.details h2').textContent(), 'web → orders');
    const orders = '.matrix .cell[data-from="orders"][data-to="billing"]';
    assert.match((await page.locator(orders).getAttribute('class')) ?? '', /\bviolation\b/);
    await send({ type: 'model', model: model(0, true) });
    await renders(4);
    assert.doesNotMatch((await page.locator(orders).getAttribute('class')) ?? '', /\bviolation\b/);
    assert.equal(await page.evaluate('window.bulkheadGraph.timings.layouts'), 2);
    // The drawing skips updates while hidden, and catches up when shown.
    assert.match((await page.locator(edgeSelector('orders', 'billing')).getAttribute('class')) ?? '', /\bviolation\b/);
    await page.locator('#view-graph').click();
    assert.deepEqual(await page.evaluate('window.__state'), { view: 'graph' });
    await page.waitForSelector(`${edgeSelector('orders', 'billing')}.plain`, { state: 'attached' });
  });

  it('the layers view: remembered by the panel, an edge asks for its sites, updates and the active module arrive in place', async () => {
    await page.locator('#view-layers').click();
    assert.deepEqual(await page.evaluate('window.__state'), { view: 'layers' }, 'the panel reopens on the layers');
    assert.deepEqual(await page.locator('svg.layers [data-key]').evaluateAll((els) => els.map((e) => e.getAttribute('data-key'))), ['audit', 'web', 'orders', 'billing']);
    const before = (await sent()).length;
    await page.locator('svg.layers .layer-edge[data-from="web"][data-to="orders"] .hit').dispatchEvent('click');
    const requests = (await sent()).slice(before).filter((m) => m.type === 'requestImportSites');
    assert.deepEqual(requests.map((m) => ({ ...m, requestId: 0 })), [{ type: 'requestImportSites', requestId: 0, from: 'web', to: 'orders' }]);
    const orders = 'svg.layers .layer-edge[data-from="orders"][data-to="billing"]';
    assert.doesNotMatch((await page.locator(orders).getAttribute('class')) ?? '', /\bviolation\b/);
    await send({ type: 'model', model: model(3, true) });
    await renders(5);
    assert.match((await page.locator(orders).getAttribute('class')) ?? '', /\bviolation\b/);
    await send({ type: 'activeModule', module: 'billing' });
    await page.waitForSelector('svg.layers .active[data-key="billing"]', { state: 'attached' });
    await page.locator('#view-graph').click();
    assert.equal(await page.evaluate('window.bulkheadGraph.timings.layouts'), 2, 'the layers need no layout engine');
  });

  it('an update past 30 modules draws the grouped overview; the active module outlines its closed group', async () => {
    await send({ type: 'model', model: packGraphModel(toGraphModel(syntheticResult(100, 4, 2_000), { title: 'acme' })) });
    await renders(6);
    assert.equal(await page.locator('.node').count(), 0);
    assert.equal(await page.locator('.cluster').count(), 10);
    await send({ type: 'activeModule', module: 'layer3/module-35' });
    await page.waitForSelector('.cluster.active[data-group="layer3"]');
    assert.equal(await page.locator('.cluster.active').count(), 1);
  });

  it('sends exports to the extension to save', async () => {
    await page.locator('#export-svg').click();
    await page.waitForFunction("window.__sent.some((m) => m.type === 'saveExport')");
    const message = (await sent()).find((m) => m.type === 'saveExport')!;
    assert.equal(message.format, 'svg');
    assert.match(String(message.data), /^<svg[^>]+viewBox/);
    assert.deepEqual(problems.errors, []);
  });
  it("loads ELK as the panel does, from its own file after the app's script: ready at once, then the model drawn", async () => {
    const html = panelPageHtml(NONCE, FAKE_VSCODE, 'file');
    assert.match(html, /<script nonce="[^"]+" id="bulkhead-layout-engine-script" src="file:[^"]+elk\.js" async><\/script>\n<\/body>/);
    const own = await browser.newPage({ viewport: { width: 1200, height: 700 } });
    const errors: string[] = [];
    own.on('pageerror', (e) => errors.push(e.message));
    await own.goto(writePage('vscode-elk-file.html', html).url);
    assert.deepEqual(await own.evaluate('window.__sent'), [{ type: 'ready' }]);
    await own.evaluate(`window.postMessage(${JSON.stringify({ type: 'model', model: model(1) })}, '*')`);
    await own.waitForSelector('body[data-renders="1"]');
    assert.equal(await own.locator('.node').count(), 3);
    assert.equal(await own.locator('.edge.violation').count(), 1);
    assert.deepEqual(errors, []);
    await own.close();
  });
  it('says so where the drawing would be when the layout engine cannot be loaded, and the matrix still works', async () => {
    const own = await browser.newPage({ viewport: { width: 1200, height: 700 } });
    const errors: string[] = [];
    own.on('pageerror', (e) => errors.push(e.message));
    await own.goto(writePage('vscode-no-elk.html', panelPageHtml(NONCE, FAKE_VSCODE, 'missing')).url);
    await own.evaluate(`window.postMessage(${JSON.stringify({ type: 'model', model: model(1) })}, '*')`);
    await own.locator('.message', { hasText: 'The layout engine (dist/webview/elk.js) could not be loaded' }).waitFor();
    await own.locator('#view-matrix').click();
    await own.locator('.matrix .cell').first().waitFor();
    assert.deepEqual(errors, []);
    await own.close();
  });
});
