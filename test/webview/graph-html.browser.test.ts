/**
 * `bulkhead graph --format html` on the example shop, opened in a real chromium: the drawing,
 * edge details, filters, keyboard and export, all from one self-contained file.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openWatched, type PageProblems } from './support/browser';
import { clickEdge, cliToFile, edgeSelector, settled, visibleModules, writePage } from './support/graph-page-helpers';

/** Evaluated in the page (a string: this file is compiled without DOM types). */
const activeModule = (page: Page): Promise<string | null> => page.evaluate("document.activeElement && document.activeElement.getAttribute('data-module')");

describe('webview: the HTML export of examples/shop in chromium', function () {
  let browser: Browser;
  let page: Page;
  let problems: PageProblems;
  let html: string;

  before(async () => {
    const target = writePage('shop.html', '');
    const r = cliToFile(['graph', 'examples/shop', '--format', 'html'], target.file);
    assert.equal(r.code, 0, r.stderr);
    html = fs.readFileSync(target.file, 'utf8');
    browser = await launchChromium();
    ({ page, problems } = await openWatched(browser, target.url));
  });
  after(async () => browser?.close());
  afterEach(() => {
    assert.deepEqual(problems, { errors: [], dialogs: [], requests: [] });
  });

  it('is self-contained: strict CSP with a nonce, no external resource, data as JSON', () => {
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-[A-Za-z0-9+/=]{24}'/);
    assert.doesNotMatch(html, /<(script|link|img)[^>]+(src|href)=/i);
    assert.match(html, /<script type="application\/json" id="bulkhead-graph-data">\{/);
  });

  it('draws every module, red violating edges with counts, the billing/orders cycle, grouped by tag', async () => {
    assert.deepEqual(await visibleModules(page), ['billing', 'catalog', 'orders', 'shared', 'shipping', 'users']);
    for (const [from, to] of [['catalog', 'users'], ['shipping', 'users'], ['shipping', 'catalog']]) {
      assert.match((await page.locator(edgeSelector(from, to)).getAttribute('class')) ?? '', /\bviolation\b/, `${from} → ${to}`);
      assert.equal(await page.locator(`${edgeSelector(from, to)} .label`).textContent(), '1 ✕');
    }
    assert.match((await page.locator(edgeSelector('billing', 'orders')).getAttribute('class')) ?? '', /\bcycle\b/);
    assert.equal(await page.locator(`${edgeSelector('orders', 'shared')}.plain`).count(), 1);
    assert.deepEqual(await page.locator('.group-label').allTextContents(), ['business', 'kernel']);
    // Left to right: the users of the shared kernel sit left of it.
    const x = async (m: string) => (await page.locator(`.node[data-module="${m}"]`).boundingBox())!.x;
    assert.ok((await x('orders')) < (await x('shared')));
    assert.match((await page.locator('#status').textContent()) ?? '', /shop: 6 modules · \d+ files · \d+ errors/);
  });

  it('click an edge: its import sites with rule; click a site: its path', async () => {
    await clickEdge(page, 'catalog', 'users');
    assert.equal(await page.locator('.details h2').textContent(), 'catalog → users');
    const site = page.locator('.details .site').first();
    await site.waitFor();
    assert.equal(await site.locator('.where').textContent(), 'src/modules/catalog/application/review-service.ts:9:29');
    assert.deepEqual(await site.locator('.rule').allTextContents(), ['internal-import', 'undeclared-dependency']);
    await site.click();
    assert.equal(await page.locator('.details output.path').textContent(), 'src/modules/catalog/application/review-service.ts:9:29');
  });

  it('click a module: files, roots, what it depends on and what depends on it', async () => {
    await page.locator('.node[data-module="users"]').click();
    assert.equal(await page.locator('.details h2').textContent(), 'users');
    const text = (await page.locator('.details').textContent()) ?? '';
    assert.match(text, /Files6/);
    assert.match(text, /Rootssrc\/modules\/users/);
    // The shop's map keeps the default public API: the index files at the module's root.
    assert.match(text, /Public APIindex\.ts, index\.tsx/);
    assert.match(text, /Depends on \(1\)shared/);
    assert.match(text, /Used by \(4\)/);
    // From the module to one of its edges, from the panel.
    await page.locator('.details .deps button', { hasText: 'catalog' }).click();
    assert.equal(await page.locator('.details h2').textContent(), 'catalog → users');
  });

  it('filters: only violations, neighbourhood, hide, search', async () => {
    await page.locator('#only-violations').check();
    assert.deepEqual(await visibleModules(page), ['billing', 'catalog', 'orders', 'shipping', 'users']);
    await page.locator('#only-violations').uncheck();
    await page.locator('#focus').fill('users');
    await page.locator('#hops').fill('1');
    assert.deepEqual(await visibleModules(page), ['billing', 'catalog', 'orders', 'shared', 'shipping', 'users']);
    await page.locator('#focus').fill('shipping');
    await page.locator('#hops').fill('0');
    assert.deepEqual(await visibleModules(page), ['shipping']);
    await page.locator('#focus').fill('');
    await page.locator('#hide').fill('shared, b*');
    assert.deepEqual(await visibleModules(page), ['catalog', 'orders', 'shipping', 'users']);
    assert.equal(await page.locator(edgeSelector('orders', 'shared')).count(), 0, 'edges of hidden modules are not drawn');
    await page.locator('#hide').fill('');
    await page.locator('#search').fill('SHIP');
    assert.deepEqual(await page.locator('.node.match').evaluateAll((els) => els.map((e) => e.getAttribute('data-module'))), ['shipping']);
    await page.locator('#search').press('Enter');
    assert.equal(await page.locator('.details h2').textContent(), 'shipping');
    await page.locator('#search').fill('');
    await settled(page);
  });

  it('is keyboard navigable: Tab to a module, Enter for details, arrows to the next, Escape clears', async () => {
    await page.keyboard.press('Escape');
    await page.locator('#status').click();
    await page.locator('#export-png').focus();
    await page.keyboard.press('Tab');
    const first = await activeModule(page);
    assert.ok(first, 'Tab after the toolbar reaches a module');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('.details h2').textContent(), first);
    await page.keyboard.press('ArrowDown');
    const second = await activeModule(page);
    assert.ok(second && second !== first);
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('.details h2').count(), 0);
    await page.keyboard.press('/');
    assert.equal(await page.evaluate('document.activeElement && document.activeElement.id'), 'search');
  });

  it('exports the current view as SVG and PNG', async () => {
    await page.locator('#hide').fill('users');
    const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.locator('#export-svg').click()]);
    assert.equal(svgDownload.suggestedFilename(), 'shop-modules.svg');
    const svgText = fs.readFileSync((await svgDownload.path())!, 'utf8');
    assert.match(svgText, /^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]+viewBox=/);
    assert.match(svgText, />shipping</);
    assert.doesNotMatch(svgText, />users</, 'hidden modules are not exported');
    assert.match(svgText, /<style>[^<]*\.edge\.violation \.line \{ stroke: (#|rgb)/);
    const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.locator('#export-png').click()]);
    const png = fs.readFileSync((await pngDownload.path())!);
    assert.deepEqual([...png.subarray(1, 4)], [...Buffer.from('PNG')]);
    assert.ok(png.readUInt32BE(16) > 300, `PNG width ${png.readUInt32BE(16)}`);
    await page.locator('#hide').fill('');
  });

  it('a PNG is the drawing fitted to the view at twice its pixels, not the whole drawing at 2×', async () => {
    const size = page.viewportSize()!;
    await page.setViewportSize({ width: 240, height: 180 });
    try {
      await page.locator('#fit').click().catch(() => undefined);
      const view = (await page.evaluate("(() => { const r = document.querySelector('svg.graph').getBoundingClientRect(); return { width: r.width, height: r.height }; })()")) as { width: number; height: number };
      const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.locator('#export-png').click()]);
      const png = fs.readFileSync((await pngDownload.path())!);
      const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
      assert.ok(width <= Math.ceil(2 * view.width) + 1 && height <= Math.ceil(2 * view.height) + 1, `PNG ${width}×${height} for a ${view.width}×${view.height} view`);
      assert.ok(width >= Math.floor(view.width) || height >= Math.floor(view.height), `PNG ${width}×${height} is smaller than the view`);
    } finally {
      await page.setViewportSize(size);
    }
  });
});
