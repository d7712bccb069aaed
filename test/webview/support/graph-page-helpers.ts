import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { graphPageHtml } from '../../../src/protocol/graph-page';
import { REPO_ROOT } from '../../support/fixtures';

/**
 * The panel's page as the VS Code webview has it: the app (graph.js) after `fakeVsCode` (a
 * script defining acquireVsCodeApi), then ELK as its own script, inline or from its file (as the
 * panel loads it), under a nonce CSP.
 */
export function panelPageHtml(nonce: string, fakeVsCode: string, engine: 'inline' | 'file' | 'missing' = 'inline'): string {
  const dir = path.join(REPO_ROOT, 'dist/webview');
  const read = (file: string) => fs.readFileSync(path.join(dir, file), 'utf8');
  return graphPageHtml({
    csp: `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'`,
    nonce,
    title: 'Bulkhead: Module Graph',
    style: { inline: read('graph.css') },
    script: { inline: `${fakeVsCode}\n${read('graph.js')}` },
    engineScript: engine === 'inline' ? { inline: read('elk.js') } : { src: pathToFileURL(path.join(dir, engine === 'file' ? 'elk.js' : 'no-such-elk.js')).href },
  });
}

/** The folders `writePage` made, removed when the test process exits (each page is 1-2 MB). */
const pageFolders: string[] = [];
process.on('exit', () => {
  for (const dir of pageFolders) fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes an HTML page to a temp file (removed at exit) and returns its file:// URL. */
export function writePage(name: string, html: string): { url: string; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulkhead-graph-'));
  pageFolders.push(dir);
  const file = path.join(dir, name);
  fs.writeFileSync(file, html);
  return { url: pathToFileURL(file).href, file };
}

/** Waits until the app has drawn every change so far (filters and groups lay out again). */
export async function settled(page: Page): Promise<void> {
  await page.evaluate('window.bulkheadGraph.idle()');
}

/** Modules drawn and not filtered out. */
export async function visibleModules(page: Page): Promise<string[]> {
  await settled(page);
  return (await page.locator('.node:not(.hidden)').evaluateAll((els) => els.map((e) => e.getAttribute('data-module') ?? ''))).sort();
}

export const edgeSelector = (from: string, to: string): string => `.edge[data-from=${JSON.stringify(from)}][data-to=${JSON.stringify(to)}]`;

/** Clicks an edge's hit area (a curve's bounding-box centre may be off the curve). */
export async function clickEdge(page: Page, from: string, to: string): Promise<void> {
  await page.locator(`${edgeSelector(from, to)} .hit`).dispatchEvent('click');
}

/** Runs the built CLI with stdout into `file` (the HTML export is larger than spawnSync's buffer). */
export function cliToFile(args: string[], file: string): { code: number; stderr: string } {
  const out = fs.openSync(file, 'w');
  try {
    const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/bulkhead.js'), ...args], {
      cwd: REPO_ROOT,
      stdio: ['ignore', out, 'pipe'],
      encoding: 'utf8',
      env: { ...process.env, CI: 'true', NO_COLOR: '1' },
      timeout: 60_000,
    });
    return { code: r.status ?? -1, stderr: r.stderr };
  } finally {
    fs.closeSync(out);
  }
}
