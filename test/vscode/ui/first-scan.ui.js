// A slow first scan in the workbench (issue 16): the open file's findings show before the scan
// ends; Cancel in the progress notification stops the scan, not the server; Re-check scans again.
'use strict';
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { launch, waitFor, sel } = require('../harness/ui');
const options = require('./ui-options');

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** The shop fixture with enough files in its shared module that the first scan takes seconds. */
function largeShop() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bulkhead-large-shop-'));
  const ws = path.join(root, 'large-shop');
  fs.cpSync(path.join(ROOT, 'test/fixtures/vscode-shop'), ws, { recursive: true });
  for (const note of ['expected.txt', 'NOTES.md']) fs.rmSync(path.join(ws, note), { force: true });
  for (let folder = 0; folder < 120; folder++) {
    const dir = path.join(ws, 'src/shared/generated', `part${folder}`);
    fs.mkdirSync(dir, { recursive: true });
    for (let i = 0; i < 100; i++) {
      const body = Array.from({ length: 10 }, (_, k) => `export function f${i}_${k}(x: number): number {\n  return x * ${k} + ${folder};\n}`).join('\n');
      fs.writeFileSync(path.join(dir, `f${i}.ts`), `${i > 0 ? `import { f${i - 1}_0 } from './f${i - 1}';\n` : ''}${body}\n`);
    }
  }
  return { ws, dispose: () => fs.rmSync(root, { recursive: true, force: true }) };
}

describe('UI: a slow first scan', function () {
  let vsc;
  let shop;

  before(async () => {
    shop = largeShop();
    vsc = await launch({ extension: options.get().extension, workspace: shop.ws });
  });
  after(async () => {
    if (vsc) await vsc.close();
    shop?.dispose();
  });

  it("shows the open file's finding before the scan ends, then Cancel stops the scan but not the server", async () => {
    await vsc.openFile('src/orders/place-order.ts');
    const toast = vsc.page.locator(sel.notification, { hasText: 'Bulkhead: scanning' }).first();
    await toast.waitFor({ timeout: 60_000 });
    // the folder by its name, not its absolute path
    assert.match(await toast.innerText(), /Bulkhead: scanning large-shop\b/);
    await vsc.page.locator(sel.squiggle('error')).first().waitFor({ timeout: 30_000 });
    assert.ok(await toast.isVisible(), 'the scan was still running when the squiggle appeared');
    await waitFor(async () => /of 12,\d{3} files/.test(await toast.innerText()), { message: 'files read in the notification' });
    for (const file of options.screenshotPaths('screenshot-first-scan.png')) await vsc.screenshot(file);
    await toast.getByRole('button', { name: 'Cancel' }).click();
    const item = vsc.page.locator('.statusbar-item', { hasText: 'Bulkhead' }).first();
    await waitFor(async () => /scan cancelled/.test(await item.innerText()), { message: 'the status bar saying the scan was cancelled' });
    await waitFor(async () => (await vsc.squiggles('error')) === 0, { message: 'the early findings withdrawn' });
    // the server still runs: Re-check scans the folder again
    await vsc.runCommand('Bulkhead: Re-check Workspace');
    const status = vsc.page.locator('.statusbar-item', { hasText: 'violations' }).first();
    await waitFor(async () => /orders · 4 violations/.test(await status.innerText()), { timeout: 120_000, message: 'the re-check result in the status bar' });
    await vsc.page.locator(sel.squiggle('error')).first().waitFor();
  });
});
