/**
 * "Changes since…" in the panel, in chromium: the webview as VS Code runs it (messages through
 * acquireVsCodeApi), answered by the language server's own request handlers on a real git
 * repository made here (a feature branch off main that removes one dependency and adds another).
 * The ref box starts at the merge-base with main; Enter compares, the toggle turns it off from the
 * keyboard, and an unknown ref says why next to the box and leaves the plain graph.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { FromGraphView, ToGraphView } from '../../src/protocol/graph-messages';
import { FolderEngine } from '../../src/server/folder-engine';
import { graphSince, suggestedSinceRef } from '../../src/server/since-requests';
import { graphAnswer } from '../../src/server/view-requests';
import { committedRepo } from '../support/git-repo';
import { oneFolderEngines } from '../support/one-folder-engines';
import { tempWorkspace } from '../support/temp-workspace';
import { launchChromium, type PageProblems } from './support/browser';
import { edgeSelector, panelPageHtml, settled, visibleModules, writePage } from './support/graph-page-helpers';

/** Polls from Node: the page's CSP refuses the string evaluation waitForFunction uses. */
async function until(condition: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  for (const end = Date.now() + timeoutMs; !(await condition()); ) {
    if (Date.now() > end) throw new Error('timed out waiting for the page');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const NONCE = 'c2luY2UtdGVzdC1ub25jZQ==';
const FAKE_VSCODE = 'window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__toPanel(m) });';

describe('webview: "Changes since…" in the panel, answered by the server on a git repository', function () {
  this.timeout(120_000);
  let ws: ReturnType<typeof tempWorkspace>;
  let browser: Browser;
  let page: Page;
  const problems: PageProblems = { errors: [], dialogs: [], requests: [] };
  const received: FromGraphView[] = [];
  let mergeBase = '';

  before(async () => {
    ws = tempWorkspace({
      'bulkhead.json': JSON.stringify({
        modules: [
          { name: 'app', path: 'src/app', dependsOn: ['orders', 'shared'] },
          { name: 'orders', path: 'src/orders', dependsOn: ['shared'] },
          { name: 'billing', path: 'src/billing', dependsOn: ['shared'] },
          { name: 'shared', path: 'src/shared' },
        ],
      }),
      'src/shared/index.ts': 'export const money = 1;\n',
      'src/orders/index.ts': "import { money } from '../shared';\nexport const order = money;\n",
      'src/billing/index.ts': "import { money } from '../shared';\nexport const bill = money;\n",
      'src/app/main.ts': "import { order } from '../orders';\nimport { bill } from '../billing';\nexport const run = order + bill;\n",
    });
    const git = committedRepo(ws.root);
    mergeBase = git('rev-parse', 'HEAD');
    git('checkout', '-qb', 'feature');
    // app no longer uses billing; orders now does (undeclared: a new violation; app → billing was one).
    fs.writeFileSync(path.join(ws.root, 'src/app/main.ts'), "import { order } from '../orders';\nexport const run = order;\n");
    fs.writeFileSync(path.join(ws.root, 'src/orders/index.ts'), "import { money } from '../shared';\nimport { bill } from '../billing';\nexport const order = money + bill;\n");
    git('commit', '-qam', 'orders bills');

    const engine = new FolderEngine(ws.root, 'bulkhead.json');
    engine.fullCheck();
    const engines = oneFolderEngines(ws.root, engine);

    const html = panelPageHtml(NONCE, FAKE_VSCODE);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 800 } });
    page.on('pageerror', (e) => problems.errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.errors.push(m.text());
    });
    const post = (m: ToGraphView) => page.evaluate(`window.postMessage(${JSON.stringify(m)}, '*')`);
    // What src/extension/graph/graph-panel.ts does with these messages, minus VS Code.
    await page.exposeFunction('__toPanel', async (m: FromGraphView) => {
      received.push(m);
      const plain = graphAnswer(engines, { folder: ws.root })!;
      if (m.type === 'ready') {
        await post({ type: 'model', model: plain.model });
        const suggested = suggestedSinceRef(engines, ws.root);
        if (suggested) await post({ type: 'sinceSuggestion', ...suggested });
      } else if (m.type === 'showSince') {
        const changed = m.ref === null ? undefined : await graphSince(engines, { folder: ws.root, ref: m.ref });
        if (changed?.error !== undefined) await post({ type: 'sinceError', ref: m.ref!, message: changed.error });
        await post({ type: 'model', model: changed?.answer?.model ?? plain.model });
      }
    });
    await page.goto(writePage('since-panel.html', html).url);
    await page.waitForSelector('body[data-renders="1"]');
  });
  after(async () => {
    await browser?.close();
    ws?.dispose();
  });
  afterEach(() => assert.deepEqual(problems, { errors: [], dialogs: [], requests: [] }));

  const pressed = () => page.locator('#since-toggle').getAttribute('aria-pressed');
  const edgeClass = async (from: string, to: string) => (await page.locator(edgeSelector(from, to)).getAttribute('class')) ?? '';

  it('the ref box starts at the merge-base with main, and says so', async () => {
    await until(async () => (await page.locator('#since-ref').inputValue()) !== '');
    assert.equal(await page.locator('#since-ref').inputValue(), mergeBase.slice(0, 12));
    assert.equal(await page.locator('#since-note').textContent(), 'merge-base with main');
    assert.equal(await pressed(), 'false');
    assert.equal(await page.locator('.edge.added, .edge.removed').count(), 0);
  });

  it('Enter in the ref box marks the added and removed dependencies; the status counts them and the new violation', async () => {
    await page.locator('#since-ref').focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('.edge.added');
    await settled(page);
    assert.deepEqual(received.at(-1), { type: 'showSince', ref: mergeBase.slice(0, 12) });
    assert.match(await edgeClass('orders', 'billing'), /\badded\b/);
    assert.match(await edgeClass('orders', 'billing'), /\bviolation\b/);
    assert.match(await edgeClass('app', 'billing'), /\bremoved\b/);
    assert.equal(await page.locator(`${edgeSelector('app', 'billing')} .label`).textContent(), '−');
    assert.match((await page.locator('#status').textContent()) ?? '', /\+1 −1 dependencies, \+1 −1 violations since [0-9a-f]{12}/);
    assert.equal(await pressed(), 'true');
    assert.equal(await page.locator('#since-note').textContent(), `since ${mergeBase.slice(0, 12)}`);
  });

  it('a diff starts on "Only changes": the modules of changed dependencies only; unchecked, the whole map', async () => {
    assert.equal(await page.locator('#only-changes').isChecked(), true);
    assert.deepEqual(await visibleModules(page), ['app', 'billing', 'orders']);
    await page.locator('#only-changes').uncheck();
    assert.deepEqual(await visibleModules(page), ['app', 'billing', 'orders', 'shared']);
    assert.match(await edgeClass('orders', 'billing'), /\badded\b/);
  });

  it('the layers view shows the same changes', async () => {
    await page.locator('#view-layers').click();
    await settled(page);
    assert.match((await page.locator('svg.layers .layer-edge[data-from="orders"][data-to="billing"]').getAttribute('class')) ?? '', /\badded\b/);
    await page.locator('#view-graph').click();
    await settled(page);
  });

  it('the matrix shows them too: the new dependency as "+n", the removed one as a dashed "−" cell', async () => {
    await page.locator('#view-matrix').click();
    await settled(page);
    const added = page.locator('svg.matrix-cells .cell[data-from="orders"][data-to="billing"]');
    assert.match((await added.getAttribute('class')) ?? '', /\badded\b/);
    assert.equal(await added.locator('text').textContent(), '+1');
    const removed = page.locator('svg.matrix-cells .cell[data-from="app"][data-to="billing"]');
    assert.match((await removed.getAttribute('class')) ?? '', /\bremoved\b/);
    assert.equal(await removed.locator('text').textContent(), '−');
    await page.locator('#view-graph').click();
    await settled(page);
  });

  it('an unknown ref: the reason next to the box, marked invalid, and the plain graph again', async () => {
    await page.locator('#since-ref').fill('no-such-ref');
    await page.locator('#since-ref').press('Enter');
    await page.waitForSelector('#since-note.error');
    await settled(page);
    assert.match((await page.locator('#since-note').textContent()) ?? '', /no commit, branch or tag "no-such-ref"/);
    assert.equal(await page.locator('#since-ref').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('#since-ref').getAttribute('aria-describedby'), 'since-note');
    assert.equal(await pressed(), 'false');
    await until(async () => (await page.locator('.edge.added, .edge.removed').count()) === 0);
  });

  it('from the keyboard: Space on the toggle compares again, and again turns it off', async () => {
    await page.locator('#since-ref').fill('HEAD~1');
    await page.locator('#since-toggle').focus();
    await page.keyboard.press('Space');
    await page.waitForSelector('.edge.added');
    assert.equal(await pressed(), 'true');
    assert.equal(await page.locator('#since-ref').getAttribute('aria-invalid'), null);
    await page.keyboard.press('Space');
    await until(async () => (await page.locator('.edge.added, .edge.removed').count()) === 0);
    assert.deepEqual(received.at(-1), { type: 'showSince', ref: null });
    assert.equal(await pressed(), 'false');
    assert.doesNotMatch((await page.locator('#status').textContent()) ?? '', /since/);
    assert.equal(await page.locator('#only-changes').isVisible(), false, 'no diff, no "Only changes"');
  });
});
