#!/usr/bin/env node
// Screenshots of each view on a real tree for the README: the HTML export (the panel's app) of
// `--tree <dir>` (which has its bulkhead.json) in Debian chromium at 1400×860 — the grouped
// overview, the matrix, the layers view and, with `--since <ref>` (the tree must be a git
// repository), the overview marked with what changed since the ref.
//
//   npm run build && node bench/graph/tree-screenshots.mjs --tree /tmp/medusa --name medusa [--since HEAD~1] [--out media]
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({ options: { tree: { type: 'string' }, name: { type: 'string' }, since: { type: 'string' }, out: { type: 'string', default: path.join(ROOT, 'media') } } });
if (!values.tree || !values.name) throw new Error('usage: tree-screenshots.mjs --tree <dir> --name <name> [--since <ref>] [--out <dir>]');

const exportOf = (extra) => execFileSync(process.execPath, [path.join(ROOT, 'bin/bulkhead.js'), 'graph', values.tree, '--format', 'html', ...extra], { cwd: ROOT, maxBuffer: 256 << 20 });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulkhead-shots-'));
const pages = { plain: path.join(dir, 'plain.html') };
fs.writeFileSync(pages.plain, exportOf([]));
if (values.since) fs.writeFileSync((pages.since = path.join(dir, 'since.html')), exportOf(['--since', values.since]));

const browser = await chromium.launch({
  executablePath: process.env.BULKHEAD_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  const shot = async (file, hash, name, before = async () => {}) => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 }, deviceScaleFactor: 1 });
    await page.goto(`${pathToFileURL(file).href}${hash}`);
    await page.waitForSelector('body[data-renders="1"]', { timeout: 120_000 });
    await page.evaluate('window.bulkheadGraph.idle()');
    await before(page);
    const target = path.join(values.out, `${name}-${values.name}.png`);
    await page.screenshot({ path: target });
    process.stderr.write(`${path.relative(ROOT, target)}\n`);
    await page.close();
  };
  await shot(pages.plain, '', 'graph');
  // The matrix lists modules with no dependencies first (lowest level): scrolled to where the
  // dependencies are, the first row that has a cell.
  await shot(pages.plain, '#matrix', 'matrix', async (page) => {
    await page.evaluate(`(() => { const m = document.querySelector('.matrix'); const cell = m.querySelector('.cell:not(.diagonal)'); if (cell) { const r = cell.getBoundingClientRect(), b = m.getBoundingClientRect(); m.scrollTop += r.top - b.top - 220; m.scrollLeft += r.left - b.left - 260; } })()`);
    await new Promise((r) => setTimeout(r, 300));
  });
  await shot(pages.plain, '#layers', 'layers');
  if (pages.since) await shot(pages.since, '', 'since');
} finally {
  await browser.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
