// The module graph inside the real VS Code workbench (code-server + chromium, see
// test/vscode/harness): the command opens the panel, the graph shows the fixture's modules and a
// red edge, follows the active editor, and a click on an import site opens the editor at it.
// The Layers view draws the modules in rows, and "Changes since…" marks what changed since the
// previous commit of a git history made here (the server computes it, the toolbar asks).
// Runs with test/vscode/ui/*.ui.js (same options: the vscode-shop fixture workspace).
'use strict';
const assert = require('assert');
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { launch, waitFor, sel } = require('../../vscode/harness/ui');
const options = require('../../vscode/ui/ui-options');

describe('UI: the module graph panel in VS Code', function () {
  let vsc;
  let graph;

  before(async () => {
    const { extension, workspace } = options.get();
    commitHistory(workspace);
    vsc = await launch({ extension, workspace, settings: { 'workbench.colorTheme': 'Default Dark Modern' } });
  });
  after(async () => {
    if (vsc) await vsc.close();
  });

  it('"Bulkhead: Show Module Graph" draws the modules, red violating edges and the active module', async () => {
    await vsc.openFile('src/catalog/review.ts');
    await vsc.page.locator(sel.squiggle('error')).first().waitFor({ timeout: 60000 });
    await vsc.runCommand('Bulkhead: Show Module Graph');
    graph = vsc.webviewFrame();
    await graph.locator('body[data-renders]').waitFor({ timeout: 60000 });
    const modules = (await graph.locator('.node').evaluateAll((els) => els.map((e) => e.getAttribute('data-module')))).sort();
    assert.deepEqual(modules, ['billing', 'catalog', 'orders', 'shared', 'users']);
    assert.ok((await graph.locator('.edge[data-from="catalog"][data-to="users"].violation').count()) === 1, 'catalog → users is red');
    assert.ok((await graph.locator('.edge[data-from="orders"][data-to="billing"].violation').count()) === 1, 'orders → billing is red');
    assert.ok((await graph.locator('.edge.cycle, .edge.in-cycle').count()) >= 1, 'the billing/orders cycle is marked');
    await graph.locator('.node.active[data-module="catalog"]').waitFor({ timeout: 10000 });
    for (const file of options.screenshotPaths('graph-vscode.png')) await vsc.screenshot(file);
  });

  it('clicking an import site of an edge opens the editor at that line', async () => {
    await graph.locator('.edge[data-from="orders"][data-to="billing"] .hit').dispatchEvent('click');
    const site = graph.locator('.details .site', { hasText: 'src/orders/refund.ts:2:31' });
    await site.waitFor();
    assert.match(await site.innerText(), /undeclared-dependency/);
    await site.click();
    await vsc.page.locator(sel.activeTab, { hasText: 'refund.ts' }).waitFor();
    await waitFor(async () => /Ln 2, Col 31/.test(await vsc.page.locator('.statusbar-item', { hasText: /Ln \d+, Col \d+/ }).first().innerText().catch(() => '')), {
      message: 'the cursor at line 2, column 31',
    });
  });

  it('the Layers view draws the modules in rows by dependency level, users above what they use', async () => {
    await graph.locator('#view-layers').click();
    const module = (name) => graph.locator(`svg.layers .layer-module[data-module="${name}"]`);
    await module('shared').waitFor({ timeout: 30000 });
    assert.ok((await graph.locator('svg.layers .band').count()) >= 2, 'more than one level');
    const y = async (name) => Number(/translate\([^,]+,([^)]+)\)/.exec((await module(name).getAttribute('transform')) || '')[1]);
    assert.ok((await y('catalog')) < (await y('shared')), 'catalog (level 1) is drawn above shared (level 0)');
    for (const file of options.screenshotPaths('graph-vscode-layers.png')) await vsc.screenshot(file);
    await graph.locator('#view-graph').click();
    await graph.locator('.node[data-module="catalog"]').waitFor();
  });

  it('"Changes since" compares with the previous commit: catalog → users is new, and turning it off restores the graph', async () => {
    const ref = graph.locator('#since-ref');
    await waitFor(async () => (await ref.inputValue()) === 'HEAD~1', { message: 'the suggested ref HEAD~1 (no default branch to branch off)' });
    assert.equal(await graph.locator('#since-note').textContent(), 'previous commit');
    await ref.focus();
    await ref.press('Enter');
    await graph.locator('.edge[data-from="catalog"][data-to="users"].added').waitFor({ timeout: 60000 });
    assert.equal(await graph.locator('#since-toggle').getAttribute('aria-pressed'), 'true');
    assert.match(await graph.locator('#status').textContent(), /\+1 −0 dependencies, \+\d+ −0 violations since HEAD~1/);
    for (const file of options.screenshotPaths('graph-vscode-since.png')) await vsc.screenshot(file);
    await ref.fill('no-such-ref');
    await ref.press('Enter');
    await graph.locator('#since-note.error', { hasText: 'no commit, branch or tag "no-such-ref"' }).waitFor({ timeout: 30000 });
    await waitFor(async () => (await graph.locator('.edge.added').count()) === 0, { message: 'the plain graph again' });
    assert.equal(await graph.locator('#since-toggle').getAttribute('aria-pressed'), 'false');
  });
});

/**
 * Two commits of the workspace: first without catalog's import of users, then as it is. The
 * suggested ref is HEAD~1 then (on its only branch the merge-base is HEAD itself).
 */
function commitHistory(workspace) {
  const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
  const git = (...args) => execFileSync('git', args, { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const review = path.join(workspace, 'src/catalog/review.ts');
  const today = fs.readFileSync(review, 'utf8');
  git('init', '-q', '-b', 'main');
  fs.writeFileSync(review, 'export interface Review {\n  author: string;\n  stars: number;\n}\n');
  git('add', '.');
  git('commit', '-qm', 'reviews by name');
  fs.writeFileSync(review, today);
  git('commit', '-qam', 'reviews show user names');
}
