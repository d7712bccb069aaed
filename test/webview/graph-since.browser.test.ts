/**
 * `graph --since` in the HTML export, in chromium: the added dependency green with "+", the
 * removed one grey dashed with "−", in the graph and (added) in the layers view; the status line
 * says what changed.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { graphHtml, readWebviewAssets } from '../../src/cli/graph-formats/graph-html';
import { diffResults } from '../../src/engine';
import { REPO_ROOT } from '../support/fixtures';
import { launchChromium, openWatched, type PageProblems } from './support/browser';
import { edgeSelector, settled, writePage } from './support/graph-page-helpers';
import { resultOf } from './support/synthetic-result';

const modules = ['app', 'orders', 'billing', 'shared'].map((name) => ({ name }));
const atRef = resultOf(modules, [{ from: 'app', to: 'billing' }, { from: 'orders', to: 'shared' }, { from: 'billing', to: 'shared' }]);
const today = resultOf(modules, [{ from: 'app', to: 'orders' }, { from: 'orders', to: 'shared' }, { from: 'billing', to: 'shared' }]);

describe('webview: graph --since in chromium', function () {
  this.timeout(120_000);
  let browser: Browser;
  let page: Page;
  let problems: PageProblems;
  before(async () => {
    const html = graphHtml(today, () => [], readWebviewAssets(path.join(REPO_ROOT, 'dist/webview')), undefined, diffResults(atRef, today, { ref: 'main', commit: 'c0ffee' }));
    browser = await launchChromium();
    ({ page, problems } = await openWatched(browser, writePage('since.html', html).url));
    await settled(page);
  });
  after(async () => browser?.close());
  afterEach(() => assert.deepEqual(problems, { errors: [], dialogs: [], requests: [] }));

  it('marks the added edge green with "+" and the removed one grey dashed with "−"; the status says what changed', async () => {
    const style = (sel: string) => page.evaluate(`(() => { const s = getComputedStyle(document.querySelector(${JSON.stringify(`${sel} .line`)})); return [s.stroke, s.strokeDasharray]; })()`) as Promise<string[]>;
    assert.match((await page.locator(edgeSelector('app', 'orders')).getAttribute('class')) ?? '', /\badded\b/);
    assert.equal(await page.locator(`${edgeSelector('app', 'orders')} .label`).textContent(), '+');
    assert.deepEqual(await style(edgeSelector('app', 'orders')), ['rgb(26, 127, 55)', 'none']);
    assert.match((await page.locator(edgeSelector('app', 'billing')).getAttribute('class')) ?? '', /\bremoved\b/);
    assert.equal(await page.locator(`${edgeSelector('app', 'billing')} .label`).textContent(), '−');
    assert.notEqual((await style(edgeSelector('app', 'billing')))[1], 'none');
    assert.match((await page.locator('#status').textContent()) ?? '', /\+1 −1 dependencies, \+0 −0 violations since main/);
    await page.locator('#view-layers').click();
    await settled(page);
    assert.match((await page.locator('svg.layers .layer-edge[data-from="app"][data-to="orders"]').getAttribute('class')) ?? '', /\badded\b/);
  });
});
