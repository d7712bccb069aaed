import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../support/fixtures';

/**
 * The README promises that `npm test` alone passes on a fresh clone. The browser tests in mocha run
 * before test/vscode/run.js (which used to be the first to install chromium), so the install must
 * happen in `pretest`, before anything that needs it. (.ci/run installs it first, which hid this.)
 */
describe('fresh machine: npm test installs what its browser tests need before running them', () => {
  it('pretest runs the idempotent system setup before building and testing', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const steps = pkg.scripts.pretest.split('&&').map((s) => s.trim());
    assert.equal(steps[0], 'bash scripts/e2e/setup.sh');
    assert.match(fs.readFileSync(path.join(REPO_ROOT, 'scripts/e2e/setup.sh'), 'utf8'), /idempotent/);
    assert.match(fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8'), /^npm test\b/m);
  });
});
