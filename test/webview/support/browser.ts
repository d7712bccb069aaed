/**
 * Debian's chromium driven by playwright-core (no browser download): scripts/e2e/setup.sh
 * installs it; the tests fail with that hint when it is missing.
 */
import * as fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.BULKHEAD_CHROMIUM ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: run "bash scripts/e2e/setup.sh" (installs Debian's chromium; .ci/run does).`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** What a page did that it should not: script errors, CSP violations, dialogs, requests leaving the file. */
export interface PageProblems {
  errors: string[];
  dialogs: string[];
  requests: string[];
}

export async function openWatched(browser: Browser, url: string, viewport = { width: 1280, height: 800 }): Promise<{ page: Page; problems: PageProblems }> {
  const page = await browser.newPage({ viewport, acceptDownloads: true });
  const problems: PageProblems = { errors: [], dialogs: [], requests: [] };
  page.on('pageerror', (e) => problems.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.errors.push(m.text());
  });
  page.on('dialog', (d) => {
    problems.dialogs.push(d.message());
    void d.dismiss();
  });
  // A request never carries the #fragment (pages open on #matrix).
  const document = url.replace(/#.*$/, '');
  page.on('request', (r) => {
    if (r.url() !== document && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) problems.requests.push(r.url());
  });
  await page.goto(url);
  await page.waitForSelector('body[data-renders]', { timeout: 30_000 });
  return { page, problems };
}
