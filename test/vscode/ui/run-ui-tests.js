// Runs the Playwright UI tests (*.ui.js here) with mocha in this Node process; each file launches
// its own VS Code (code-server + chromium) through ../harness/ui.js.
'use strict';
const fs = require('fs');
const path = require('path');
const Mocha = require('mocha');
const options = require('./ui-options');

// The graph panel's UI test lives with the other webview tests.
const DEFAULT_DIRS = [__dirname, path.join(__dirname, '..', '..', 'webview', 'vscode-ui')];

/** Resolves to { passed, failed }. `dirs`: where the *.ui.js files are; the rest goes to ui-options. */
function runUiTests({ dirs = DEFAULT_DIRS, ...rest }) {
  options.set(rest);
  const mocha = new Mocha({ ui: 'bdd', color: true, timeout: 120000 });
  for (const dir of dirs) {
    for (const f of fs.readdirSync(dir).sort()) if (f.endsWith('.ui.js')) mocha.addFile(path.join(dir, f));
  }
  return new Promise((resolve) => {
    const runner = mocha.run(() => resolve({ passed: runner.stats.passes, failed: runner.stats.failures }));
  });
}

module.exports = { runUiTests };
