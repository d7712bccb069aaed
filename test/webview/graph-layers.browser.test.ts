/**
 * The layers view in a real chromium (1280×800): the HTML export of examples/shop (levels, red
 * cycle edges, the dashed cut, details and import sites on click, keyboard), and synthetic maps of
 * 100 and 500 modules legible at Fit.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { graphHtml, readWebviewAssets } from '../../src/cli/graph-formats/graph-html';
import { REPO_ROOT } from '../support/fixtures';
import { launchChromium, openWatched, type PageProblems } from './support/browser';
import { cliToFile, settled, writePage } from './support/graph-page-helpers';
import { syntheticResult } from './support/synthetic-result';

/** Drawn boxes by row, top to bottom, each row left to right. */
async function rows(page: Page): Promise<string[][]> {
  const boxes = (await page.locator('svg.layers [data-key]').evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { key: e.getAttribute('data-key') ?? '', x: Math.round(r.x), y: Math.round(r.y) };
    }),
  )) as { key: string; x: number; y: number }[];
  const byRow = new Map<number, { key: string; x: number }[]>();
  for (const b of boxes) (byRow.get(b.y) ?? byRow.set(b.y, []).get(b.y)!).push(b);
  return [...byRow.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r.sort((a, b) => a.x - b.x).map((b) => b.key));
}

/** Every box label's size on screen: font size times the zoom it is drawn at. */
const labelPixels = (page: Page): Promise<number[]> =>
  page.evaluate(`[...document.querySelectorAll('svg.layers .name, svg.layers .level')].map((t) => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)`) as Promise<number[]>;

type Timings = { lastLayersMs: number; layersFitScale: number };
const timings = (page: Page) => page.evaluate('window.bulkheadGraph.timings') as Promise<Timings>;
const edge = (from: string, to: string) => `svg.layers .layer-edge[data-from=${JSON.stringify(from)}][data-to=${JSON.stringify(to)}]`;

describe('webview: the layers view in chromium', function () {
  this.timeout(120_000);
  let browser: Browser;
  before(async () => {
    browser = await launchChromium();
  });
  after(async () => browser?.close());

  describe('examples/shop (HTML export)', () => {
    let page: Page;
    let problems: PageProblems;
    before(async () => {
      const target = writePage('shop-layers.html', '');
      const r = cliToFile(['graph', 'examples/shop', '--format', 'html'], target.file);
      assert.equal(r.code, 0, r.stderr);
      ({ page, problems } = await openWatched(browser, target.url));
      await page.locator('#view-layers').click();
      await settled(page);
    });
    afterEach(() => assert.deepEqual(problems, { errors: [], dialogs: [], requests: [] }));

    it('places modules in rows by dependency level, the billing/orders cycle side by side in one row', async () => {
      assert.equal(await page.locator('#view-layers').getAttribute('aria-pressed'), 'true');
      assert.match(page.url(), /shop-layers\.html#layers$/);
      assert.equal(await page.locator('svg.graph').isHidden(), true);
      assert.equal(await page.locator('svg.layers').isVisible(), true);
      assert.deepEqual(await rows(page), [['shipping'], ['billing', 'orders'], ['catalog'], ['users'], ['shared']]);
      assert.deepEqual(await page.locator('svg.layers .band .level').allTextContents(), ['L4', 'L3', 'L2', 'L1', 'L0']);
      assert.equal(await page.locator('svg.layers .cycle-frame').count(), 1);
      assert.equal(await page.locator('#fit').isVisible(), true);
    });

    it('draws the cycle steps red and marks the cycle rule cut (billing → orders) dashed, "cut" in its label and tooltip', async () => {
      const red = 'rgb(207, 34, 46)';
      const stroke = (sel: string) => page.evaluate(`(() => { const s = getComputedStyle(document.querySelector(${JSON.stringify(`${sel} .line`)})); return [s.stroke, s.strokeDasharray]; })()`) as Promise<string[]>;
      assert.deepEqual(await stroke(edge('orders', 'billing')), [red, 'none']);
      const [cutColour, dashes] = await stroke(edge('billing', 'orders'));
      assert.equal(cutColour, red);
      assert.notEqual(dashes, 'none');
      assert.match((await page.locator(edge('billing', 'orders')).getAttribute('class')) ?? '', /\bcut\b/);
      assert.equal(await page.locator(`${edge('billing', 'orders')} .label`).textContent(), 'cut');
      assert.match((await page.locator(`${edge('billing', 'orders')} > title`).textContent()) ?? '', /cut: the cycle rule suggests removing this dependency/);
      // Dependencies between levels all point down: plain, not red.
      assert.notEqual((await stroke(edge('orders', 'shared')))[0], red);
      assert.equal(await page.locator('svg.layers .layer-edge.up').count(), 0);
    });

    it('a click on a module shows its details; on an edge its import sites, a cut edge says so', async () => {
      await page.locator('svg.layers [data-key="catalog"]').click();
      assert.equal(await page.locator('.details h2').textContent(), 'catalog');
      assert.match((await page.locator('svg.layers [data-key="catalog"]').getAttribute('class')) ?? '', /selected/);
      await page.locator(`${edge('catalog', 'users')} .hit`).dispatchEvent('click');
      assert.equal(await page.locator('.details h2').textContent(), 'catalog → users');
      await page.locator('.details .sites .site').first().waitFor();
      assert.match((await page.locator('.details .sites').textContent()) ?? '', /review-service\.ts:9/);
      await page.locator(`${edge('billing', 'orders')} .hit`).dispatchEvent('click');
      assert.match((await page.locator('.details dl').textContent()) ?? '', /Cutsuggested: removing this dependency/);
    });

    it('keyboard: Tab reaches the boxes, arrows move in reading order, Enter shows details, 0 fits', async () => {
      await page.locator('svg.layers [data-key="shipping"]').focus();
      await page.keyboard.press('ArrowRight');
      assert.equal(await page.evaluate('document.activeElement.getAttribute("data-key")'), 'billing');
      await page.keyboard.press('Enter');
      assert.equal(await page.locator('.details h2').textContent(), 'billing');
      await page.keyboard.press('+');
      await page.keyboard.press('0');
      await page.keyboard.press('Escape');
      assert.equal((await page.locator('.details .hint').textContent())?.startsWith('Click a module'), true);
    });

    it('exports the layers as SVG and PNG: bands, the cycle frame and the dashed cut styled in the file', async () => {
      const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.locator('#export-svg').click()]);
      assert.equal(svgDownload.suggestedFilename(), 'shop-layers.svg');
      const svgText = fs.readFileSync((await svgDownload.path())!, 'utf8');
      assert.match(svgText, /^<svg[^>]+viewBox=/);
      assert.match(svgText, />shipping</);
      assert.match(svgText, /class="cycle-frame"/);
      assert.match(svgText, /<style>[^<]*\.layer-edge\.cut \.line \{ stroke-dasharray/);
      assert.doesNotMatch(svgText, /class="hit"/);
      const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.locator('#export-png').click()]);
      const png = fs.readFileSync((await pngDownload.path())!);
      assert.deepEqual([...png.subarray(1, 4)], [...Buffer.from('PNG')]);
    });

    it('filters apply: hiding a module takes it out of its row', async () => {
      await page.locator('#hide').fill('catalog');
      await settled(page);
      assert.deepEqual(await rows(page), [['shipping'], ['billing', 'orders'], ['users'], ['shared']]);
      await page.locator('#hide').fill('');
      await settled(page);
    });
  });

  for (const n of [100, 500]) {
    describe(`${n} synthetic modules`, () => {
      let page: Page;
      let problems: PageProblems;
      before(async () => {
        const html = graphHtml(syntheticResult(n, 12, 100_000), () => [], readWebviewAssets(path.join(REPO_ROOT, 'dist/webview')));
        ({ page, problems } = await openWatched(browser, `${writePage(`layers-${n}.html`, html).url}#layers`));
        await settled(page);
      });
      afterEach(() => assert.deepEqual(problems, { errors: [], dialogs: [], requests: [] }));

      it('labels are at least 11 px at Fit; large groups of a level are one box that opens on click', async () => {
        const t = await timings(page);
        const px = await labelPixels(page);
        const boxes = await page.locator('svg.layers [data-key]').count();
        console.log(`      ${n} modules: ${boxes} boxes, ${await page.locator('svg.layers .layer-edge').count()} edges, labels ${Math.min(...px).toFixed(1)} px at Fit (zoom ${t.layersFitScale.toFixed(2)}), placed and drawn in ${t.lastLayersMs.toFixed(0)} ms`);
        assert.ok(Math.min(...px) >= 11, px.join(', '));
        assert.ok((await page.locator('svg.layers .layer-edge.cut').count()) > 0, 'the planted cycles show their cut');
        const unit = page.locator('svg.layers .layer-unit').first();
        if (n === 500) assert.ok((await unit.count()) > 0);
        if ((await unit.count()) === 0) return;
        const id = await unit.getAttribute('data-unit');
        await unit.click();
        await settled(page);
        assert.equal(await page.locator(`svg.layers .layer-head[data-unit=${JSON.stringify(id)}]`).count(), 1);
        assert.match((await page.locator('.details h2').textContent()) ?? '', /^Level \d+: /);
        await page.locator(`svg.layers .layer-head[data-unit=${JSON.stringify(id)}]`).click();
        assert.equal(await page.locator(`svg.layers .layer-unit[data-unit=${JSON.stringify(id)}]`).count(), 1);
      });

      it('the PNG of the layers in a large window stays within 3 MB, and no smaller than the view', async () => {
        const size = page.viewportSize()!;
        // The bench's window, where 500 modules at 2× made 3.47 MB.
        await page.setViewportSize({ width: 1600, height: 1000 });
        try {
          await page.locator('#fit').click();
          await settled(page);
          const view = (await page.evaluate("(() => { const r = document.querySelector('svg.layers').getBoundingClientRect(); return { width: r.width, height: r.height }; })()")) as { width: number; height: number };
          const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.locator('#export-png').click()]);
          const png = fs.readFileSync((await pngDownload.path())!);
          const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
          console.log(`      ${n} modules: layers PNG ${width}×${height}, ${(png.length / 1024 / 1024).toFixed(2)} MB`);
          assert.ok(png.length <= 3 * 1024 * 1024, `${png.length} bytes`);
          assert.ok(width >= Math.floor(view.width) - 1 || height >= Math.floor(view.height) - 1, `PNG ${width}×${height} is smaller than the ${view.width}×${view.height} view`);
        } finally {
          await page.setViewportSize(size);
        }
      });
    });
  }
});
