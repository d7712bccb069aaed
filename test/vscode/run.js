#!/usr/bin/env node
// Runs the extension's tests in a real VS Code (code-server 4.100.3 + Debian chromium, see
// harness/): the extension-host suites (single folder, multi-root, single folder again from the
// packaged VSIX) and the UI tests, each on fresh copies of the fixture workspaces. Expects
// `npm run build` and `tsc -p .` to have run (`npm test` and `npm run test:vscode` do that).
//
//   node test/vscode/run.js [--only single|export-fix|multi|vsix|baseline|untrusted|untrusted-vsix|ui] [--update-screenshots]
//
// Prints "vscode: N passed, M failed" and exits non-zero on any failure.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const SUITES = path.join(ROOT, 'out', 'tsc', 'test', 'vscode', 'suite');
const FIXTURES = path.join(ROOT, 'test', 'fixtures');

function args(argv) {
  const o = { only: undefined, updateScreenshots: !!process.env.UPDATE_SCREENSHOTS };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--only') o.only = argv[++i];
    else if (argv[i] === '--update-screenshots') o.updateScreenshots = true;
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return o;
}

/** A fresh copy of a fixture (the tests change files), without the fixture's own notes. */
function copyWorkspace(tmp, fixture, as = fixture) {
  const target = path.join(tmp, as);
  fs.cpSync(path.join(FIXTURES, fixture), target, { recursive: true });
  for (const note of ['expected.txt', 'NOTES.md']) fs.rmSync(path.join(target, note), { force: true });
  return target;
}

async function main() {
  const o = args(process.argv.slice(2));
  const started = Date.now();
  for (const built of [path.join(ROOT, 'dist', 'extension.js'), path.join(ROOT, 'dist', 'server.js'), path.join(SUITES, 'single', 'index.js')]) {
    if (!fs.existsSync(built)) throw new Error(`${path.relative(ROOT, built)} is missing: run npm run build && npm run typecheck first`);
  }
  if (!process.env.VSCODE_E2E_SKIP_SETUP) execFileSync('bash', [path.join(ROOT, 'scripts', 'e2e', 'setup.sh')], { stdio: 'inherit' });
  const { runExtensionTests } = require('./harness/run-exthost-tests');
  const { runUiTests } = require('./ui/run-ui-tests');
  const { installVsix } = require('./harness/lib');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bulkhead-vscode-'));
  const totals = { passed: 0, failed: 0 };
  const steps = [];
  const record = (name, counts, ms) => {
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    steps.push(`${name}: ${counts.passed} passed, ${counts.failed} failed in ${(ms / 1000).toFixed(1)} s`);
  };
  try {
    if (!o.only || o.only === 'single') {
      const t = Date.now();
      const workspace = copyWorkspace(tmp, 'vscode-shop');
      record('extension host, single folder', await exthost(runExtensionTests, workspace, 'single'), Date.now() - t);
    }
    if (!o.only || o.only === 'export-fix') {
      const t = Date.now();
      const workspace = copyWorkspace(tmp, 'vscode-export-fix');
      record('extension host, export from the public API', await exthost(runExtensionTests, workspace, 'export-fix'), Date.now() - t);
    }
    if (!o.only || o.only === 'multi') {
      const t = Date.now();
      const workspace = path.join(copyWorkspace(tmp, 'vscode-multi'), 'multi.code-workspace');
      record('extension host, multi-root', await exthost(runExtensionTests, workspace, 'multi'), Date.now() - t);
    }
    if (!o.only || o.only === 'vsix') {
      // the same single-folder suite against the packaged VSIX: catches files .vscodeignore drops
      // and anything the bundles still load from node_modules
      const t = Date.now();
      const workspace = copyWorkspace(tmp, 'vscode-shop', 'shop-vsix');
      record('packaged VSIX, single folder', await exthost(runExtensionTests, workspace, 'single', extractedVsix(tmp)), Date.now() - t);
    }
    if (!o.only || o.only === 'baseline') {
      // bulkhead-baseline.json and the bulkhead.json schema, from the packaged VSIX: the schema
      // file is found only if .vscodeignore keeps it
      const t = Date.now();
      const workspace = copyWorkspace(tmp, 'vscode-baseline');
      record('packaged VSIX, baseline and schema', await exthost(runExtensionTests, workspace, 'baseline', extractedVsix(tmp)), Date.now() - t);
    }
    if (!o.only || o.only === 'untrusted') {
      // Restricted Mode: workspace trust on, the folder never trusted (no prompt)
      const t = Date.now();
      const workspace = copyWorkspace(tmp, 'vscode-shop', 'shop-untrusted');
      const settings = { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.emptyWindow': false };
      record('extension host, untrusted folder', await exthost(runExtensionTests, workspace, 'untrusted', ROOT, settings), Date.now() - t);
    }
    if (!o.only || o.only === 'untrusted-vsix') {
      // The VSIX installed into code-server's extensions dir, in an untrusted folder: only an
      // installed extension is subject to its capabilities.untrustedWorkspaces declaration.
      const t = Date.now();
      const extensionsDir = path.join(tmp, 'installed-extensions');
      const installed = installVsix(packageVsix(tmp), { extensionsDir, stateDir: path.join(tmp, 'install-state') });
      const workspace = copyWorkspace(tmp, 'vscode-shop', 'shop-untrusted-vsix');
      const dirs = [path.join(__dirname, 'ui-installed')];
      record('installed VSIX, untrusted folder (Playwright)', await runUiTests({ dirs, extensionsDir, installed, workspace }), Date.now() - t);
    }
    if (!o.only || o.only === 'ui') {
      const t = Date.now();
      const workspace = copyWorkspace(tmp, 'vscode-shop', 'shop'); // the name shows in the screenshots
      record('UI (Playwright)', await runUiTests({ extension: ROOT, workspace, updateScreenshots: o.updateScreenshots }), Date.now() - t);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  for (const s of steps) console.log(`  ${s}`);
  console.log(`  total ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`vscode: ${totals.passed} passed, ${totals.failed} failed`);
  return totals.failed === 0 && steps.length > 0 ? 0 : 1;
}

/** The VSIX `npm run package` builds, made once per run. */
function packageVsix(tmp) {
  const vsix = path.join(tmp, 'bulkhead.vsix');
  if (!fs.existsSync(vsix)) execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'package-vsix.mjs'), '--out', vsix], { stdio: 'inherit' });
  return vsix;
}

/** The packaged VSIX unzipped, once per run: the extension folder VS Code would install. */
function extractedVsix(tmp) {
  const dir = path.join(tmp, 'vsix');
  if (!fs.existsSync(dir)) execFileSync('python3', ['-m', 'zipfile', '-e', packageVsix(tmp), dir]);
  return path.join(dir, 'extension');
}

/** One extension-host run; the harness prints mocha's output and its own count line. */
async function exthost(runExtensionTests, workspace, suite, extension = ROOT, settings = undefined) {
  const lines = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk, ...rest) => { lines.push(String(chunk)); return write(chunk, ...rest); };
  let code;
  try {
    code = await runExtensionTests({ extension, tests: path.join(SUITES, suite, 'index'), workspace, settings, timeout: 240000 });
  } finally {
    process.stdout.write = write;
  }
  const m = /exthost: (\d+) passed, (\d+) failed/.exec(lines.join(''));
  const counts = m ? { passed: Number(m[1]), failed: Number(m[2]) } : { passed: 0, failed: 1 };
  if (code !== 0 && counts.failed === 0) counts.failed = 1; // a crash with nothing failing still fails
  return counts;
}

main().then((code) => process.exit(code), (err) => {
  console.error(err && err.stack || err);
  console.log('vscode: 0 passed, 1 failed');
  process.exit(1);
});
