/**
 * Labels fit their boxes in chromium (1280×800), measured in the font the page draws with: long
 * module and group names as real repositories have them (outline's `app/scenes/Document/components`
 * overflowed its box by a word when widths came from an average character width).
 */
import * as assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { graphHtml, readWebviewAssets } from '../../src/cli/graph-formats/graph-html';
import * as path from 'node:path';
import { REPO_ROOT } from '../support/fixtures';
import { launchChromium, openWatched, type PageProblems } from './support/browser';
import { settled, writePage } from './support/graph-page-helpers';
import { resultOf } from './support/synthetic-result';

const NAMES = [
  'app/scenes/Document/components/Comments', 'app/scenes/Document/components/History', 'app/scenes/Document/components/Sharing',
  'app/components/DocumentExplorer', 'app/components/TemplatizeDialog', 'app/components/Notifications',
  'server/storage/adapters/s3-compatible-bucket', 'server/emails/templates/WelcomeMessage', 'server/utils',
  'shared/editor/components/WidgetsAndEmbeds', 'shared/editor/lib/prosemirror-recreate-transform', 'shared/utils',
  'plugins/webhooks/server/presenters', 'plugins/googleanalytics/client',
];

/** Each drawn box whose label is wider than the box (with its left inset), by key. */
const overflowing = (page: Page, boxes: string): Promise<string[]> =>
  page.evaluate(`[...document.querySelectorAll(${JSON.stringify(boxes)})].filter((g) => {
    const rect = g.querySelector('rect');
    return rect && [...g.querySelectorAll('.name, .files')].some((t) => t.textContent && t.getBBox().x + t.getBBox().width > rect.getBBox().x + rect.getBBox().width - 4);
  }).map((g) => g.getAttribute('data-key') + ': ' + [...g.querySelectorAll('.name, .files')].map((t) => t.textContent).join(' / '))`) as Promise<string[]>;

describe('webview: labels fit their boxes', function () {
  this.timeout(120_000);
  let browser: Browser;
  let page: Page;
  let problems: PageProblems;
  before(async () => {
    browser = await launchChromium();
    // Short names with long second lines too (\"app/scenes: 10 modules · 153 files · 4 ✕\").
    const modules = [...NAMES, 'app/x', 'srv/y'].map((name, i) => ({ name, fileCount: 5 + i * 777, roots: [name] }));
    const dependencies = NAMES.slice(1).map((name, i) => ({ from: NAMES[i], to: name, imports: 3 }));
    const html = graphHtml(resultOf(modules, dependencies), () => [], readWebviewAssets(path.join(REPO_ROOT, 'dist/webview')));
    ({ page, problems } = await openWatched(browser, writePage('label-fit.html', html).url));
    await settled(page);
  });
  after(() => browser?.close());
  afterEach(() => assert.deepEqual(problems, { errors: [], dialogs: [], requests: [] }));

  it('the grouped overview: every group and module label, and the line under it, inside its box', async () => {
    assert.ok((await page.locator('.cluster, .node').count()) > 3);
    assert.deepEqual(await overflowing(page, '.cluster, .node'), []);
  });

  it('the layers view: every box label inside its box', async () => {
    await page.locator('#view-layers').click();
    await settled(page);
    assert.ok((await page.locator('svg.layers [data-key]').count()) > 3);
    assert.deepEqual(await overflowing(page, 'svg.layers [data-key]'), []);
  });
});
