#!/usr/bin/env node
// Regenerates media/graph-shop.png and media/matrix-shop.png (the README's pictures): the HTML
// export of examples/shop in Debian chromium, with the red catalog → users dependency selected in
// the graph and in the matrix.  npm run build first.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const html = execFileSync(process.execPath, [path.join(ROOT, 'bin/bulkhead.js'), 'graph', 'examples/shop', '--format', 'html'], { cwd: ROOT, maxBuffer: 64 << 20 });
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bulkhead-shot-')), 'shop.html');
fs.writeFileSync(file, html);
const browser = await chromium.launch({
  executablePath: process.env.BULKHEAD_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 560 }, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('body[data-renders="1"]');
  await page.locator('.edge[data-from="catalog"][data-to="users"] .hit').dispatchEvent('click');
  await page.locator('.details .site').first().waitFor();
  await page.screenshot({ path: path.join(ROOT, 'media/graph-shop.png') });
  await page.locator('#view-matrix').click();
  await page.locator('.matrix .cell[data-from="catalog"][data-to="users"]').click();
  await page.locator('.details .site').first().waitFor();
  await page.screenshot({ path: path.join(ROOT, 'media/matrix-shop.png') });
} finally {
  await browser.close();
}
