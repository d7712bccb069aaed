/**
 * Hostile module and file names must render as text. Checked twice: with the page's CSP (which
 * would block inline handlers anyway) and with the CSP removed, so the test proves the app never
 * turns data into markup rather than relying on the policy.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { ImportSite } from '../../src/engine';
import { graphHtml, readWebviewAssets } from '../../src/cli/graph-formats/graph-html';
import { REPO_ROOT } from '../support/fixtures';
import { launchChromium, openWatched, type PageProblems } from './support/browser';
import { clickEdge, writePage } from './support/graph-page-helpers';
import { resultOf } from './support/synthetic-result';

const IMG = '<img src=x onerror="window.__pwned=1;alert(1)">';
const SCRIPT = '"></text><script>window.__pwned=2;alert(2)</script>';
const CLOSE = '</script><script>window.__pwned=3</script>';
const JS_URL = 'javascript:window.__pwned=4';
const EVIL_FILE = 'src/"><script>window.__pwned=5</script>.ts';

const result = resultOf(
  [IMG, SCRIPT, CLOSE, JS_URL].map((name, i) => ({ name, roots: [`src/${name}`], tags: [`layer:${i < 2 ? IMG : SCRIPT}`], dependsOn: [JS_URL] })),
  [
    { from: IMG, to: SCRIPT, imports: 1, declared: false, violations: 1 },
    { from: SCRIPT, to: CLOSE, imports: 1 },
    { from: CLOSE, to: JS_URL, imports: 1 },
  ],
  [{ file: EVIL_FILE, sourceModule: IMG, targetModule: SCRIPT, range: { start: { line: 3, column: 7 }, end: { line: 3, column: 9 } } }],
);
const sites = (from: string): ImportSite[] => [
  { file: from === IMG ? EVIL_FILE : JS_URL, range: { start: { line: 3, column: 7 }, end: { line: 3, column: 9 } }, specifier: IMG, typeOnly: false, viaReExport: false },
];

async function assertInert(page: Page, problems: PageProblems): Promise<void> {
  assert.equal(await page.evaluate('window.__pwned'), undefined);
  assert.deepEqual(problems.dialogs, []);
  assert.equal(await page.locator('img, iframe, object, embed, a[href^="javascript"]').count(), 0);
  // The app's own scripts only: the JSON data element, the packed layout engine (a data block; the
  // inline script it becomes removes itself after running) and the bundle.
  assert.deepEqual(await page.locator('script').evaluateAll((els) => els.map((e) => e.getAttribute('type') ?? 'script')), ['application/json', 'application/octet-stream', 'script']);
}

for (const csp of [true, false]) {
  describe(`webview: hostile names render inert (${csp ? 'with' : 'without'} the CSP)`, () => {
    let browser: Browser;
    let page: Page;
    let problems: PageProblems;

    before(async () => {
      let html = graphHtml(result, (from) => sites(from), readWebviewAssets(path.join(REPO_ROOT, 'dist/webview')));
      if (!csp) html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
      browser = await launchChromium();
      ({ page, problems } = await openWatched(browser, writePage('xss.html', html).url));
    });
    after(async () => browser?.close());

    it('draws the names as text', async () => {
      // Long names are drawn shortened, with the whole name as the box's tooltip: both as text.
      const names = await page.locator('.node').evaluateAll((els) => els.map((g) => (g.querySelector('title') ?? g.querySelector('.name'))!.textContent));
      assert.deepEqual(names.sort(), [IMG, SCRIPT, CLOSE, JS_URL].sort());
      assert.ok((await page.locator('.node .name').allTextContents()).every((t) => [IMG, SCRIPT, CLOSE, JS_URL].some((n) => n.endsWith(t.replace(/^…/, '')))));
      assert.deepEqual((await page.locator('.group-label').allTextContents()).sort(), [IMG, SCRIPT].sort());
      await assertInert(page, problems);
    });

    it('shows module and edge details, import sites and paths as text', async () => {
      await page.locator(`.node[data-module=${JSON.stringify(IMG)}]`).click();
      assert.equal(await page.locator('.details h2').textContent(), IMG);
      await clickEdge(page, IMG, SCRIPT);
      await page.locator('.details .site').first().click();
      assert.equal(await page.locator('.details output.path').textContent(), `${EVIL_FILE}:3:7`);
      assert.equal(await page.locator('.details .specifier').first().textContent(), IMG);
      await clickEdge(page, CLOSE, JS_URL);
      await page.locator('.details .site').first().click();
      await page.locator('#search').fill('<img');
      await page.locator('#search').press('Enter');
      await page.locator('#hide').fill(JS_URL);
      await page.locator('#export-svg').click();
      await assertInert(page, problems);
      assert.deepEqual(problems.errors, []);
    });

    it('shows the names in the matrix headers, hover text and cell details as text', async () => {
      await page.locator('#hide').fill('');
      await page.locator('#search').fill('');
      await page.locator('#view-matrix').click();
      const names = [IMG, SCRIPT, CLOSE, JS_URL];
      const shown = (name: string) => (name.length <= 30 ? name : `…${name.slice(-29)}`);
      const rows = await page.locator('.matrix-rows .head').evaluateAll((els) => els.map((e) => e.getAttribute('data-module') ?? ''));
      assert.deepEqual([...rows].sort(), [...names].sort());
      assert.deepEqual(await page.locator('.matrix-rows .head title').allTextContents(), rows);
      assert.deepEqual(await page.locator('.matrix-rows .name').allTextContents(), rows.map(shown));
      assert.deepEqual(await page.locator('.matrix-cols .head title').allTextContents(), rows);
      const cell = page.locator(`.matrix .cell[data-from=${JSON.stringify(IMG)}][data-to=${JSON.stringify(SCRIPT)}]`);
      await cell.hover();
      assert.equal((await page.locator('.matrix-info').textContent()) ?? '', `${IMG} → ${SCRIPT}: 1 import, 1 violating, undeclared`);
      await cell.click();
      assert.equal(await page.locator('.details h2').textContent(), `${IMG} → ${SCRIPT}`);
      await page.locator('.details .site').first().click();
      assert.equal(await page.locator('.details output.path').textContent(), `${EVIL_FILE}:3:7`);
      await page.locator('.matrix-rows .head').first().click();
      await assertInert(page, problems);
      assert.deepEqual(problems.errors, []);
    });

    it('shows the names in the layers view, its tooltips and its SVG export as text', async () => {
      await page.locator('#view-layers').click();
      await page.evaluate('window.bulkheadGraph.idle()');
      const names = [IMG, SCRIPT, CLOSE, JS_URL];
      const drawn = await page.locator('svg.layers .layer-module').evaluateAll((els) => els.map((e) => e.getAttribute('data-module') ?? ''));
      assert.deepEqual([...drawn].sort(), [...names].sort());
      await page.locator(`svg.layers .layer-module[data-module=${JSON.stringify(IMG)}]`).click();
      assert.equal(await page.locator('.details h2').textContent(), IMG);
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-svg').click()]);
      assert.doesNotMatch(fs.readFileSync((await download.path())!, 'utf8'), /<img|<script/);
      await assertInert(page, problems);
      assert.deepEqual(problems.errors, []);
    });
  });
}
