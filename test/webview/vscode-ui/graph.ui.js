// The module graph inside the real VS Code workbench (code-server + chromium, see
// test/vscode/harness): the command opens the panel, the graph shows the fixture's modules and a
// red edge, follows the active editor, and a click on an import site opens the editor at it.
// Runs with test/vscode/ui/*.ui.js (same options: the vscode-shop fixture workspace).
'use strict';
const assert = require('assert');
const { launch, waitFor, sel } = require('../../vscode/harness/ui');
const options = require('../../vscode/ui/ui-options');

describe('UI: the module graph panel in VS Code', function () {
  let vsc;
  let graph;

  before(async () => {
    const { extension, workspace } = options.get();
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
});
