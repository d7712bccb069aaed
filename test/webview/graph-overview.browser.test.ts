/**
 * The grouped overview in a real chromium (1280×800): synthetic layered maps of 100 and 500
 * modules collapse to at most 30 boxes with legible labels at Fit, groups open and close in place,
 * filters lay out what they keep, and hostile names stay text in group boxes.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { graphHtml, readWebviewAssets } from '../../src/cli/graph-formats/graph-html';
import { REPO_ROOT } from '../support/fixtures';
import { launchChromium, openWatched, type PageProblems } from './support/browser';
import { settled, visibleModules, writePage } from './support/graph-page-helpers';
import { resultOf, syntheticResult } from './support/synthetic-result';

type Timings = { layouts: number; lastLayoutMs: number; lastRenderMs: number; lastFilterMs: number; boxes: number; fitScale: number };
const timings = (page: Page) => page.evaluate('window.bulkheadGraph.timings') as Promise<Timings>;

/** Every drawn label's size on screen: its font size times the zoom it is drawn at. */
const labelPixels = (page: Page): Promise<number[]> =>
  page.evaluate(`[...document.querySelectorAll('.node .name, .cluster .name, .group-label')].map((t) => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)`) as Promise<number[]>;
const boxCount = (page: Page): Promise<number> => page.evaluate("document.querySelectorAll('.node, .cluster').length") as Promise<number>;
const screenBoxes = (page: Page): Promise<Record<string, { x: number; y: number; width: number }>> =>
  page.evaluate(`Object.fromEntries([...document.querySelectorAll('.node, .cluster')].map((g) => { const r = g.querySelector('rect').getBoundingClientRect(); return [g.getAttribute('data-key'), { x: r.x, y: r.y, width: r.width }]; }))`) as Promise<Record<string, { x: number; y: number; width: number }>>;

function open(name: string, result: ReturnType<typeof resultOf>, viewport?: { width: number; height: number }): (browser: Browser) => Promise<{ page: Page; problems: PageProblems }> {
  const html = graphHtml(result, () => [], readWebviewAssets(path.join(REPO_ROOT, 'dist/webview')));
  return (browser) => openWatched(browser, writePage(name, html).url, viewport);
}

describe('webview: the grouped overview in chromium', function () {
  this.timeout(120_000);
  let browser: Browser;
  before(async () => {
    browser = await launchChromium();
  });
  after(async () => browser?.close());

  describe('500 modules', () => {
    let page: Page;
    let problems: PageProblems;
    before(async () => {
      ({ page, problems } = await open('overview-500.html', syntheticResult(500, 12, 100_000))(browser));
      await settled(page);
    });
    afterEach(() => assert.deepEqual(problems, { errors: [], dialogs: [], requests: [] }));

    it('draws at most 30 boxes: one per layer, with summed edges, legible at Fit', async () => {
      const t = await timings(page);
      const px = await labelPixels(page);
      console.log(`      500 modules: ${await boxCount(page)} boxes, labels ${Math.min(...px).toFixed(1)} px at Fit (zoom ${t.fitScale.toFixed(2)}), layout ${t.lastLayoutMs.toFixed(0)} ms, first render ${t.lastRenderMs.toFixed(0)} ms`);
      assert.ok((await boxCount(page)) <= 30);
      assert.equal(await page.locator('.cluster').count(), 10);
      assert.deepEqual(await page.locator('.cluster[data-group="layer3"] .files').textContent(), `50 modules · ${await page.evaluate("window.bulkheadGraph.model.nodes.filter((n) => n.group === 'layer3').reduce((s, n) => s + n.fileCount, 0)")} files · ${await page.evaluate("window.bulkheadGraph.model.nodes.filter((n) => n.group === 'layer3').reduce((s, n) => s + n.violations, 0)")} ✕`);
      // layer9 → layer0 sums every import between them; red because some of them violate.
      const sum = (await page.evaluate("window.bulkheadGraph.model.edges.filter((e) => e.from.startsWith('layer9/') && e.to.startsWith('layer0/')).reduce((s, e) => s + e.imports, 0)")) as number;
      const edge = page.locator('.edge[data-from="layer9"][data-to="layer0"]');
      assert.match((await edge.locator('.label').textContent()) ?? '', new RegExp(`^${sum}( · \\d+ ✕)?$`));
      assert.ok(Math.min(...px) >= 11, px.join(', '));
    });

    it('a click opens a group in place (its modules in a frame, laid out again), its label closes it', async () => {
      const before = (await timings(page)).layouts;
      await page.locator('.cluster[data-group="layer3"]').click();
      await settled(page);
      assert.equal(await page.locator('.group-label[data-group="layer3"]').textContent(), 'layer3');
      const modules = await visibleModules(page);
      assert.equal(modules.length, 50);
      assert.ok(modules.every((m) => m.startsWith('layer3/')));
      assert.equal(await page.locator('.cluster').count(), 9);
      assert.ok((await timings(page)).layouts > before);
      // The details say what the group holds; a module there is one click away.
      assert.equal(await page.locator('.details h2').textContent(), 'layer3');
      assert.equal(await page.locator('.details .deps button').count(), 50);
      await page.locator('.details .deps button').first().click();
      assert.match((await page.locator('.details h2').textContent()) ?? '', /^layer3\/module-\d+$/);
      await page.locator('.group-label[data-group="layer3"]').click();
      await settled(page);
      assert.equal(await page.locator('.cluster').count(), 10);
      assert.equal(await page.locator('.node').count(), 0);
    });

    it('exports the overview as drawn: group boxes with their own style', async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-svg').click()]);
      const text = fs.readFileSync((await download.path())!, 'utf8');
      assert.equal((text.match(/<g class="cluster[^"]*"/g) ?? []).length, 10);
      assert.match(text, />layer3</);
      assert.match(text, /\.cluster rect \{ fill: (#|rgb)/);
    });

    it('the keyboard opens and closes a group: Enter on a focused box, Enter on the frame label', async () => {
      await page.locator('.cluster[data-group="layer5"]').focus();
      await page.keyboard.press('Enter');
      await settled(page);
      assert.equal((await visibleModules(page)).length, 50);
      await page.locator('.group-label[data-group="layer5"]').focus();
      await page.keyboard.press('Enter');
      await settled(page);
      assert.equal(await page.locator('.node').count(), 0);
      assert.equal(await page.locator('.cluster[data-group="layer5"]').getAttribute('aria-expanded'), 'false');
    });
  });

  describe('12 modules in three name groups: everything opens when it reads, nothing is tried when even the closed groups do not', () => {
    // a/* use b/*, b/* use c/*: three layers of four, so every group opens by default.
    const names = ['a', 'b', 'c'].flatMap((g) => Array.from({ length: 4 }, (_, i) => `${g}/m${i}`));
    const layered = names.filter((n) => !n.startsWith('c/')).map((from, i) => ({ from, to: names[i + 4], imports: 2 }));
    const chain = resultOf(names.map((name) => ({ name, roots: [`src/${name}`] })), layered);

    it('a wide page: all three groups open, legible at Fit', async () => {
      const { page, problems } = await open('overview-12-wide.html', chain, { width: 1600, height: 1000 })(browser);
      await settled(page);
      const px = await labelPixels(page);
      console.log(`      12 modules, 1600×1000: ${await boxCount(page)} boxes, ${await page.locator('.group-label').count()} open groups, ${(await timings(page)).layouts} layouts, labels ≥ ${Math.min(...px).toFixed(1)} px`);
      assert.equal(await page.locator('.group-label').count(), 3);
      assert.ok(Math.min(...px) >= 11, px.join(', '));
      assert.deepEqual(problems, { errors: [], dialogs: [], requests: [] });
      await page.close();
    });

    it('a narrow page: the closed groups are laid out first, do not read at Fit, and nothing more is tried', async () => {
      const { page, problems } = await open('overview-12-narrow.html', chain, { width: 300, height: 360 })(browser);
      await settled(page);
      const t = await timings(page);
      console.log(`      12 modules, 300×360: ${await boxCount(page)} boxes, ${t.layouts} layout(s), zoom ${t.fitScale.toFixed(2)}`);
      assert.equal(await page.locator('.group-label').count(), 0, 'no group opened');
      assert.equal(await boxCount(page), 3);
      assert.equal(t.layouts, 1, 'one layout (right, then down): no opening tried');
      assert.ok(t.fitScale * 16 < 11, `the closed groups do not read either (zoom ${t.fitScale})`);
      assert.deepEqual(problems, { errors: [], dialogs: [], requests: [] });
      await page.close();
    });
  });

  it('a panel up to 1100 px wide (beside the explorer) keeps the drawing at its full width: the details go under it', async () => {
    const geometry = async (width: number) => {
      const { page, problems } = await open(`overview-details-${width}.html`, syntheticResult(100, 4, 2_000), { width, height: 800 })(browser);
      await settled(page);
      const canvas = (await page.locator('.canvas').boundingBox())!;
      const details = (await page.locator('.details').boundingBox())!;
      const t = await timings(page);
      assert.deepEqual(problems, { errors: [], dialogs: [], requests: [] });
      await page.close();
      return { canvas, details, fitScale: t.fitScale };
    };
    const narrow = await geometry(1030);
    assert.ok(narrow.canvas.width >= 1020, `the drawing has the panel's width (${narrow.canvas.width})`);
    assert.ok(narrow.details.y >= narrow.canvas.y + narrow.canvas.height - 1, 'the details are under the drawing');
    const wide = await geometry(1280);
    assert.ok(wide.details.x >= wide.canvas.x + wide.canvas.width - 1, 'beside it in a wider panel');
    console.log(`      100 modules at Fit: zoom ${narrow.fitScale.toFixed(2)} in a 1030 px panel, ${wide.fitScale.toFixed(2)} at 1280 px (details beside)`);
  });

  describe('100 modules', () => {
    let page: Page;
    let problems: PageProblems;
    before(async () => {
      ({ page, problems } = await open('overview-100.html', syntheticResult(100, 4, 2_000))(browser));
      await settled(page);
    });
    afterEach(() => assert.deepEqual(problems, { errors: [], dialogs: [], requests: [] }));

    it('labels are at least 11 px on screen after Fit', async () => {
      await page.locator('#fit').click();
      const t = await timings(page);
      const px = await labelPixels(page);
      console.log(`      100 modules: ${await boxCount(page)} boxes, ${await page.locator('.group-label').count()} open groups, labels ${Math.min(...px).toFixed(1)}–${Math.max(...px).toFixed(1)} px at Fit (zoom ${t.fitScale.toFixed(2)}), ${t.layouts} layouts, last ${t.lastLayoutMs.toFixed(0)} ms, first render ${t.lastRenderMs.toFixed(0)} ms`);
      assert.ok((await boxCount(page)) <= 30);
      assert.ok(px.length >= 10);
      assert.ok(Math.min(...px) >= 11, px.map((p) => p.toFixed(1)).join(', '));
    });

    it('filters lay out what they keep: positions change and the kept boxes get larger at Fit', async () => {
      const all = await screenBoxes(page);
      await page.locator('#hide').fill('layer0/*, layer1/*, layer2/*, layer3/*, layer4/*, layer5/*');
      await settled(page);
      const fewer = await screenBoxes(page);
      assert.deepEqual(Object.keys(fewer).sort(), ['layer6', 'layer7', 'layer8', 'layer9'].map((g) => `\u0000${g}`), 'no boxes for hidden groups');
      for (const key of Object.keys(fewer)) {
        // Boxes are as wide as both their lines ("10 modules · 340 files · 4 ✕"), so they start
        // wider than when only the name counted, and grow by a little less (1.19× for layer9).
        assert.ok(fewer[key].width > all[key].width * 1.15, `${key.slice(1)}: ${all[key].width.toFixed(0)} → ${fewer[key].width.toFixed(0)} px wide`);
        assert.ok(fewer[key].x !== all[key].x || fewer[key].y !== all[key].y);
      }
      await page.locator('#hide').fill('');
      await page.locator('#only-violations').check();
      await settled(page);
      // Every module the filter keeps is drawn, or inside a drawn group; no group is drawn empty.
      const kept = [...new Set((await page.evaluate("window.bulkheadGraph.model.edges.filter((e) => e.violations > 0).flatMap((e) => [e.from, e.to])")) as string[])];
      const drawn = Object.keys(await screenBoxes(page));
      const groups = drawn.filter((k) => k.startsWith('\u0000')).map((k) => `${k.slice(1)}/`);
      assert.ok(kept.every((m) => drawn.includes(m) || groups.some((g) => m.startsWith(g))), `${kept.join(', ')} in ${drawn.join(', ')}`);
      assert.ok(groups.every((g) => kept.some((m) => m.startsWith(g))));
      const px = await labelPixels(page);
      console.log(`      100 modules, only violations: ${kept.length} modules kept, ${drawn.length} boxes, labels ≥ ${Math.min(...px).toFixed(1)} px`);
      assert.ok(Math.min(...px) >= 11, px.join(', '));
      await page.locator('#only-violations').uncheck();
      await page.locator('#focus').fill('layer4/module-42');
      await page.locator('#hops').fill('0');
      await settled(page);
      assert.deepEqual(await visibleModules(page), ['layer4/module-42'], 'the focused module is drawn, its group opened');
      await page.locator('#focus').fill('');
      await page.locator('#hops').fill('1');
      await settled(page);
    });

    it('search marks the collapsed group holding a match without laying out; Enter opens it and shows the module', async () => {
      const before = (await timings(page)).layouts;
      await page.locator('#search').fill('module-42');
      await settled(page);
      assert.equal((await timings(page)).layouts, before);
      const group = (await page.evaluate("window.bulkheadGraph.model.nodes.find((n) => n.id.endsWith('/module-42')).group")) as string;
      assert.equal(await page.locator(`.cluster.match[data-group="${group}"]`).count(), 1);
      await page.locator('#search').press('Enter');
      await settled(page);
      assert.match((await page.locator('.details h2').textContent()) ?? '', /\/module-42$/);
      assert.equal(await page.locator('.node.match').count(), 1);
      await page.locator('#search').fill('');
    });
  });

  it("the details panel lists a module's public API, one glob each, as text", async () => {
    const evil = '<img src=x onerror="window.__pwned=3">';
    const result = resultOf([{ name: 'api', public: ['src/contract.ts', 'src/testing/**', evil] }, { name: 'web', public: [] }], [{ from: 'web', to: 'api', imports: 2 }]);
    const { page, problems } = await open('public-api.html', result)(browser);
    await page.locator('.node[data-module="api"]').click();
    assert.deepEqual(await page.locator('.details .public-api code').allTextContents(), ['src/contract.ts', 'src/testing/**', evil]);
    await page.locator('.node[data-module="web"]').click();
    assert.equal(await page.locator('.details .public-api').textContent(), 'nothing: every file is internal');
    assert.equal(await page.evaluate('window.__pwned'), undefined);
    assert.deepEqual(problems, { errors: [], dialogs: [], requests: [] });
  });

  describe('hostile names in group boxes', () => {
    const IMG = '<img src=x onerror="window.__pwned=1">';
    const SCRIPT = '"></text><script>window.__pwned=2</script>';
    it('render as text', async () => {
      const names = Array.from({ length: 40 }, (_, i) => `${i % 2 ? IMG : SCRIPT}/${i < 20 ? IMG : 'm'}${i}`);
      const { page, problems } = await open('overview-xss.html', resultOf(names.map((name) => ({ name })), [{ from: names[0], to: names[1], imports: 2, violations: 1, declared: false }]))(browser);
      await settled(page);
      const shown = await page.locator('.cluster').evaluateAll((els) => els.map((g) => (g.querySelector('title') ?? g.querySelector('.name'))!.textContent));
      assert.deepEqual(shown.sort(), [IMG, SCRIPT].sort());
      await page.locator('.cluster').first().click();
      await settled(page);
      assert.ok((await page.locator('.group-label').allTextContents()).some((t) => t === IMG || t === SCRIPT));
      await page.locator('.edge').first().dispatchEvent('click');
      assert.equal(await page.evaluate('window.__pwned'), undefined);
      assert.equal(await page.locator('img, script:not([id]):not([nonce])').count(), 0);
      assert.deepEqual(problems, { errors: [], dialogs: [], requests: [] });
    });
  });
});
