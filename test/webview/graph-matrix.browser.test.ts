/**
 * The dependency matrix in a real chromium: the HTML export of examples/shop (values, classes,
 * drill-down, keyboard, search) and a synthetic 500-module map (bounded DOM while scrolling).
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { graphHtml, readWebviewAssets } from '../../src/cli/graph-formats/graph-html';
import { REPO_ROOT } from '../support/fixtures';
import { launchChromium, openWatched, type PageProblems } from './support/browser';
import { cliToFile, settled, writePage } from './support/graph-page-helpers';
import { syntheticResult } from './support/synthetic-result';

const CELL = 26;

/** Every drawn cell as `from>to:value:classes`. */
const drawnCells = (page: Page): Promise<string[]> =>
  page.locator('.matrix .cell').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-from')}>${e.getAttribute('data-to')}:${e.textContent}:${(e.getAttribute('class') ?? '').replace(/^cell /, '')}`));
const rowNames = (page: Page): Promise<string[]> => page.locator('.matrix-rows .head').evaluateAll((els) => els.map((e) => e.getAttribute('data-module') ?? ''));
const info = (page: Page): Promise<string | null> => page.locator('.matrix-info').textContent();
const elementCount = (page: Page): Promise<number> => page.evaluate("document.querySelectorAll('.matrix *').length") as Promise<number>;

describe('webview: the dependency matrix of examples/shop (HTML export) in chromium', () => {
  let browser: Browser;
  let page: Page;
  let problems: PageProblems;

  before(async () => {
    const target = writePage('shop-matrix.html', '');
    const r = cliToFile(['graph', 'examples/shop', '--format', 'html'], target.file);
    assert.equal(r.code, 0, r.stderr);
    browser = await launchChromium();
    ({ page, problems } = await openWatched(browser, target.url));
  });
  after(async () => browser?.close());
  afterEach(() => {
    assert.deepEqual(problems, { errors: [], dialogs: [], requests: [] });
  });

  it('toggles from the graph to the matrix: modules in layered order, names as headers at 11 px', async () => {
    assert.equal(await page.locator('.matrix').isHidden(), true);
    await page.locator('#view-matrix').click();
    assert.equal(await page.locator('#view-matrix').getAttribute('aria-pressed'), 'true');
    assert.equal(await page.locator('#view-graph').getAttribute('aria-pressed'), 'false');
    assert.match(page.url(), /shop-matrix\.html#matrix$/, 'a reload or a shared link opens the matrix again');
    assert.equal(await page.locator('svg.graph').isHidden(), true);
    assert.equal(await page.locator('#fit').isHidden(), true, 'zoom and image export belong to the drawing');
    const layered = ['shared', 'users', 'catalog', 'billing', 'orders', 'shipping'];
    assert.deepEqual(await rowNames(page), layered);
    assert.deepEqual(await page.locator('.matrix-rows .name').allTextContents(), layered);
    assert.deepEqual(await page.locator('.matrix-cols .name').allTextContents(), layered.map((m, i) => `${i + 1} ${m}`));
    const sizes = (await page.evaluate("[...document.querySelectorAll('.matrix .head text, .matrix .cell text')].map((t) => getComputedStyle(t).fontSize)")) as string[];
    assert.deepEqual([...new Set(sizes)], ['11px']);
  });

  it('cells hold import counts; against the layering, violations and the billing/orders cycle are marked', async () => {
    assert.deepEqual((await drawnCells(page)).sort(), [
      'billing>orders:1:above in-cycle',
      'billing>shared:5:below',
      'billing>users:2:below',
      'catalog>shared:3:below',
      'catalog>users:1:below violation',
      'orders>billing:3:below violation in-cycle',
      'orders>catalog:3:below',
      'orders>shared:6:below',
      'orders>users:8:below',
      'shipping>catalog:1:below violation',
      'shipping>orders:1:below violation',
      'shipping>shared:5:below',
      'shipping>users:1:below violation',
      'users>shared:3:below',
    ]);
    // One block on the diagonal: billing and orders, rows and columns 4–5.
    const block = page.locator('.matrix .block');
    assert.deepEqual(await block.evaluateAll((els) => els.map((e) => ['x', 'y', 'width', 'height'].map((a) => e.getAttribute(a)).join(','))), [`${3 * CELL},${3 * CELL},${2 * CELL},${2 * CELL}`]);
    assert.equal(await page.locator('.matrix .diagonal').count(), 6);
    // Levels 0, 1, 2, 3, 3, 4: a rule across and down where each new level starts.
    const rules = await page.locator('.matrix .level-line').evaluateAll((els) => els.map((e) => ['x1', 'y1', 'x2', 'y2'].map((a) => e.getAttribute(a)).join(',')));
    const full = 6 * CELL;
    assert.deepEqual(rules.sort(), [1, 2, 3, 5].flatMap((i) => [`0,${i * CELL},${full},${i * CELL}`, `${i * CELL},0,${i * CELL},${full}`]).sort());
  });

  it('hover describes a cell; a click opens the same import sites as the graph edge', async () => {
    await page.locator('.matrix .cell[data-from="orders"][data-to="billing"]').hover();
    assert.equal(await info(page), 'orders → billing: 3 imports, 1 violating, in a cycle');
    assert.match((await page.locator('.matrix-rows .head.hovered').getAttribute('data-module')) ?? '', /^orders$/);
    assert.equal(await page.locator('.matrix-cols .head.hovered').getAttribute('data-module'), 'billing');
    await page.locator('.matrix .cell[data-from="catalog"][data-to="users"]').click();
    assert.equal(await page.locator('.details h2').textContent(), 'catalog → users');
    const site = page.locator('.details .site').first();
    await site.waitFor();
    assert.equal(await site.locator('.where').textContent(), 'src/modules/catalog/application/review-service.ts:9:29');
    assert.deepEqual(await site.locator('.rule').allTextContents(), ['internal-import', 'undeclared-dependency']);
    assert.match((await page.locator('.matrix .cell[data-from="catalog"][data-to="users"]').getAttribute('class')) ?? '', /\bselected\b/);
    assert.deepEqual(await page.locator('.matrix .head.selected').evaluateAll((els) => els.map((e) => e.getAttribute('data-module')).sort()), ['catalog', 'catalog', 'users', 'users']);
  });

  it('a row header shows its module; an empty cell clears the selection', async () => {
    await page.locator('.matrix-rows .head[data-module="users"]').click();
    assert.equal(await page.locator('.details h2').textContent(), 'users');
    // Row shared (1), column shipping (6): shared imports nothing from shipping.
    const box = (await page.locator('.matrix-cells').boundingBox())!;
    await page.mouse.click(box.x + 5 * CELL + 5, box.y + 5);
    assert.equal(await page.locator('.details h2').count(), 0);
  });

  it('is keyboard operable: arrows move the focused cell, Enter opens its sites, Home and End', async () => {
    await page.locator('.matrix').focus();
    // The click above left the focus on (shared, shipping).
    assert.equal(await info(page), 'shared → shipping: no imports');
    await page.keyboard.press('Home');
    for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    assert.equal(await info(page), 'catalog → users: 1 import, 1 violating, undeclared');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('.details h2').textContent(), 'catalog → users');
    await page.keyboard.press('ArrowRight');
    assert.equal(await info(page), 'catalog: the module itself');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('.details h2').textContent(), 'catalog');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await info(page), 'users → orders: no imports');
    assert.deepEqual(
      await page.locator('.matrix .focus-cell').evaluateAll((els) => els.map((e) => `${e.getAttribute('x')},${e.getAttribute('y')}`)),
      [`${4 * CELL},${1 * CELL}`],
    );
    // The graph's own keys stay out: 0 (fit) and arrows do not move the hidden drawing.
    const transform = await page.locator('svg.graph .viewport').getAttribute('transform');
    await page.keyboard.press('0');
    assert.equal(await page.locator('svg.graph .viewport').getAttribute('transform'), transform);
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('.details h2').count(), 0);
  });

  it('filters and search apply to the matrix; back to the graph keeps the drawing', async () => {
    await page.locator('#only-violations').check();
    assert.deepEqual(await rowNames(page), ['users', 'catalog', 'billing', 'orders', 'shipping']);
    assert.equal((await drawnCells(page)).length, 5);
    await page.locator('#only-violations').uncheck();
    await page.locator('#search').fill('ship');
    assert.deepEqual(await page.locator('.matrix-rows .head.match').evaluateAll((els) => els.map((e) => e.getAttribute('data-module'))), ['shipping']);
    await page.locator('#search').press('Enter');
    assert.equal(await page.locator('.details h2').textContent(), 'shipping');
    assert.equal(await page.evaluate("document.activeElement && document.activeElement.className"), 'matrix');
    await page.locator('#search').fill('');
    await page.locator('#view-graph').click();
    await settled(page);
    assert.equal(await page.locator('.matrix').isHidden(), true);
    assert.equal(await page.locator('.node:not(.hidden)').count(), 6);
    assert.equal(await page.locator('#export-svg').isVisible(), true);
    assert.match(page.url(), /shop-matrix\.html$/);
  });
});

describe('webview: the dependency matrix at 500 modules', () => {
  let browser: Browser;
  let page: Page;
  let problems: PageProblems;
  const timings = () => page.evaluate('window.bulkheadGraph.timings') as Promise<Record<string, number>>;

  before(async () => {
    const html = graphHtml(syntheticResult(500, 12, 100_000), () => [], readWebviewAssets(path.join(REPO_ROOT, 'dist/webview')));
    browser = await launchChromium();
    ({ page, problems } = await openWatched(browser, `${writePage('matrix-500.html', html).url}#matrix`));
  });
  after(async () => browser?.close());
  afterEach(() => {
    assert.deepEqual(problems, { errors: [], dialogs: [], requests: [] });
  });

  it('opens on the matrix from #matrix without laying out the drawing', async () => {
    const t = await timings();
    console.log(`      500 modules, opened on the matrix: model to matrix ${t.lastRenderMs.toFixed(1)} ms (matrix data + elements ${t.lastMatrixMs.toFixed(1)} ms)`);
    assert.equal(t.layouts, 0);
    assert.equal(t.renders, 1);
    assert.equal(await page.locator('.matrix').isVisible(), true);
    assert.equal(await page.locator('.node').count(), 0, 'the drawing waits until it is shown');
    assert.equal(await page.locator('.matrix-rows .head').first().getAttribute('data-module'), (await page.evaluate('window.bulkheadGraph.model.layering.order[0]')) as string);
  });

  it('renders only the scrolled window: bounded elements at the start, middle and end', async () => {
    const counts = [await elementCount(page)];
    const cells = [(await drawnCells(page)).length];
    // Row 400 (layer 8) against column 100 (layer 2): a window full of dependencies; then the corner.
    for (const [at, col] of [[400, 100], [499, 499]]) {
      const scrolled = (await page.evaluate(`new Promise((resolve) => {
        const m = document.querySelector('.matrix');
        const t = performance.now();
        m.scrollTop = ${at * CELL}; m.scrollLeft = ${col * CELL};
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t)));
      })`)) as number;
      console.log(`      scrolled to row ${at}, column ${col}: two frames later after ${scrolled.toFixed(1)} ms`);
      counts.push(await elementCount(page));
      cells.push((await drawnCells(page)).length);
      // The sticky headers name the rows and columns now in view.
      const firstRow = Number(await page.locator('.matrix-rows .head').first().getAttribute('data-index'));
      assert.ok(firstRow >= Math.min(at, 500 - 30) - 3 && firstRow <= at, `first row header ${firstRow} near ${at}`);
      assert.ok((await page.locator('.matrix-rows .head').count()) <= 40);
      assert.ok((await page.locator('.matrix-cols .head').count()) <= 40);
    }
    console.log(`      elements in the matrix: ${counts.join(', ')}; cells with imports drawn: ${cells.join(', ')} (of 250,000 positions)`);
    assert.ok(counts.every((n) => n > 100 && n < 2_500), counts.join(', '));
    // Layer 0 imports nothing and layer 9 is imported by nothing: cells only in the middle window.
    assert.deepEqual(cells.map((n) => n > 0), [false, true, false]);
    assert.ok(cells[1] > 20, `${cells[1]} cells in the dense window`);
  });

  it('keyboard moves scroll the focused cell into view', async () => {
    await page.locator('.matrix').focus();
    await page.keyboard.press('PageUp');
    const top = (await page.evaluate("document.querySelector('.matrix').scrollTop")) as number;
    const y = Number(await page.locator('.matrix .focus-cell').getAttribute('y'));
    const height = (await page.evaluate("document.querySelector('.matrix').clientHeight")) as number;
    assert.ok(y >= top && y + CELL <= top + height - 170, `focused cell at ${y}, window ${top}–${top + height - 170}`);
    assert.equal(await page.locator(`.matrix-rows .head[data-index="${y / CELL}"]`).count(), 1);
  });

  it('the graph is laid out once when first shown; switching back to the matrix is quick', async () => {
    await page.locator('#view-graph').click();
    // The grouped overview: one box per layer, none open (each would add 49 boxes).
    await settled(page);
    assert.equal((await timings()).layouts, 1);
    assert.equal(await page.locator('.cluster').count(), 10);
    assert.equal(await page.locator('.node').count(), 0);
    // Synchronous part (data + elements, after the drawing's style is flushed) and the frame after it.
    const ms = (await page.evaluate(`new Promise((resolve) => {
      const t = performance.now();
      document.getElementById('view-matrix').click();
      const sync = performance.now() - t;
      requestAnimationFrame(() => setTimeout(() => resolve([sync, performance.now() - t, window.bulkheadGraph.timings.lastMatrixMs])));
    })`)) as number[];
    console.log(`      graph → matrix at 500 modules: ${ms[0].toFixed(1)} ms in script (matrix data + elements ${ms[2].toFixed(1)} ms), next frame after ${ms[1].toFixed(1)} ms`);
    assert.ok((await elementCount(page)) < 2_500);
    assert.equal((await timings()).layouts, 1);
  });
});

