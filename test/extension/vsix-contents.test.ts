import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../support/fixtures';

/** The paths .vscodeignore lets into the VSIX, as scripts/package-vsix.mjs reads them. */
const allowed = fs.readFileSync(path.join(REPO_ROOT, '.vscodeignore'), 'utf8')
  .split('\n')
  .filter((l) => l.startsWith('!'))
  .map((l) => l.slice(1).replace(/\/\*\*$/, ''));
const inVsix = (file: string) => allowed.some((a) => file === a || file.startsWith(`${a}/`));
const source = (file: string) => fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');

describe('VSIX: every file the extension loads at run time is packaged', () => {
  it("the panel's page: each dist/webview file graph-webview-html.ts names", () => {
    const names = [...source('src/extension/graph/graph-webview-html.ts').matchAll(/joinPath\(assets, '([^']+)'\)/g)].map((m) => `dist/webview/${m[1]}`);
    assert.deepEqual(names.sort(), ['dist/webview/elk.js', 'dist/webview/graph.css', 'dist/webview/graph.js']);
    assert.deepEqual(names.filter((f) => !inVsix(f)), [], 'left out of .vscodeignore');
    const required = /for \(const required of (\[[^\]]*\])\)/.exec(source('scripts/package-vsix.mjs'))![1];
    for (const f of names) assert.ok(required.includes(`'${f}'`), `${f} is not among the files package-vsix.mjs requires`);
  });

  it('the bundles the extension, the server and its worker start', () => {
    for (const f of ['dist/extension.js', 'dist/server.js', 'dist/result-at-ref-worker.js', 'dist/typescript.js']) assert.ok(inVsix(f), f);
    assert.ok(!inVsix('dist/webview/graph-export.js'), "the export's script is the CLI's");
  });
});
