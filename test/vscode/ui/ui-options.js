// What run-ui-tests.js hands to the *.ui.js files (mocha loads them itself, without arguments).
'use strict';
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..', '..');
let current;

module.exports = {
  set(o) { current = o; },
  get() {
    if (!current) throw new Error('run the UI tests through test/vscode/run.js');
    return current;
  },
  /** Screenshots go to the artifacts dir; with --update-screenshots also to media/ (the README's). */
  screenshotPaths(name) {
    const dir = process.env.VSCODE_E2E_ARTIFACTS || path.join(require('os').tmpdir(), 'bulkhead-vscode-artifacts');
    return [path.join(dir, name), ...(current && current.updateScreenshots ? [path.join(ROOT, 'media', name)] : [])];
  },
};
