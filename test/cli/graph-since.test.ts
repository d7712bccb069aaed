/**
 * `bulkhead graph --since <ref>` and `check --format markdown --since <ref>` on a git repository
 * made here: two commits, the second removing one module dependency, adding another (undeclared)
 * and fixing an internal import. The outputs are compared with test/cli/expected/since.*.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../support/fixtures';
import { runCli } from '../support/run-cli';
import { tempWorkspace } from '../support/temp-workspace';
import { unpackGraphModel, type WireGraphModel } from '../../src/protocol/graph-wire';

const EXPECTED = path.join(REPO_ROOT, 'test/cli/expected');

function golden(name: string, actual: string): void {
  const file = path.join(EXPECTED, name);
  if (process.env.UPDATE_GOLDEN) fs.writeFileSync(file, actual);
  assert.equal(actual, fs.readFileSync(file, 'utf8'), `${name} differs (UPDATE_GOLDEN=1 rewrites it after a deliberate change)`);
}

const CONFIG = JSON.stringify({
  modules: [
    { name: 'app', path: 'src/app', dependsOn: ['orders', 'shared'] },
    { name: 'orders', path: 'src/orders', dependsOn: ['shared'] },
    { name: 'billing', path: 'src/billing', dependsOn: ['shared'] },
    { name: 'shared', path: 'src/shared' },
  ],
});

describe('cli: graph --since <ref> (what changed in the module graph)', function () {
  this.timeout(240_000);
  let ws: ReturnType<typeof tempWorkspace>;
  // Fixed identity and dates: the same commits, so the same ids, on every machine.
  const env = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com', GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z' };
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: ws.root, encoding: 'utf8', env: { ...process.env, ...env } });
  const normalize = (text: string) => text.split(ws.root).join('<ROOT>').replace(/\d+ ms\b/g, 'N ms').replace(/"durationMs": \d+/g, '"durationMs": 0');

  before(() => {
    ws = tempWorkspace({
      'bulkhead.json': CONFIG,
      'src/shared/index.ts': 'export const money = 1;\n',
      'src/orders/index.ts': "import { money } from '../shared';\nexport const order = money;\n",
      'src/billing/index.ts': "import { money } from '../shared';\nexport const bill = money;\n",
      'src/billing/internal.ts': 'export const rate = 2;\n',
      // app → orders (declared) and app → billing's internals (internal and undeclared).
      'src/app/main.ts': "import { order } from '../orders';\nimport { rate } from '../billing/internal';\nexport const run = order + rate;\n",
    });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-qm', 'start');
    // app no longer uses billing; orders now imports billing (undeclared).
    fs.writeFileSync(path.join(ws.root, 'src/app/main.ts'), "import { order } from '../orders';\nexport const run = order;\n");
    fs.writeFileSync(path.join(ws.root, 'src/orders/index.ts'), "import { money } from '../shared';\nimport { bill } from '../billing';\nexport const order = money + bill;\n");
    git('commit', '-qam', 'orders bills');
  });
  after(() => ws?.dispose());

  it('json: a diff section with the dependencies and violations added and removed', () => {
    const r = runCli(['graph', ws.root, '--since', 'HEAD~1']);
    assert.equal(r.code, 0, r.stderr);
    const diff = (JSON.parse(r.stdout) as { diff: { since: { commit: string }; dependencies: { added: { from: string; to: string }[]; removed: { from: string; to: string }[] } } }).diff;
    assert.equal(diff.since.commit, git('rev-parse', 'HEAD~1').trim());
    assert.deepEqual(diff.dependencies.added.map((d) => `${d.from}>${d.to}`), ['orders>billing']);
    assert.deepEqual(diff.dependencies.removed.map((d) => `${d.from}>${d.to}`), ['app>billing']);
    golden('since-graph.json', normalize(r.stdout));
  });

  it('mermaid and dot: added dependencies green with "+", removed ones grey dashed with "−"', () => {
    for (const [format, ext] of [['mermaid', 'mmd'], ['dot', 'dot']]) {
      const r = runCli(['graph', ws.root, '--since', 'HEAD~1', '--format', format]);
      assert.equal(r.code, 0, r.stderr);
      golden(`since-graph.${ext}`, r.stdout);
    }
  });

  it('html: the model marks the added edge and carries the removed one', () => {
    const r = runCli(['graph', ws.root, '--since', 'HEAD~1', '--format', 'html']);
    assert.equal(r.code, 0, r.stderr);
    const json = /<script type="application\/json" id="bulkhead-graph-data">(.*?)<\/script>/s.exec(r.stdout)![1];
    const model = unpackGraphModel(JSON.parse(json) as WireGraphModel);
    assert.deepEqual(model.edges.filter((e) => e.change).map((e) => `${e.from}>${e.to}:${e.change}:${e.imports}`).sort(), ['app>billing:removed:0', 'orders>billing:added:1']);
    assert.equal(model.since?.summary, '+1 −1 dependencies, +1 −2 violations since HEAD~1');
  });

  it('check --format markdown --since: the diff as a small graph of the touched modules and tables, for a PR comment', () => {
    const r = runCli(['check', ws.root, '--format', 'markdown', '--since', 'HEAD~1']);
    assert.equal(r.code, 1, r.stderr);
    golden('since-check.md', normalize(r.stdout));
  });

  it('a ref that does not exist, or a folder outside git: a clear error, exit 2, no stack trace', () => {
    const bad = runCli(['graph', ws.root, '--since', 'no-such-ref']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^bulkhead: --since no-such-ref: no commit, branch or tag "no-such-ref" in /);
    assert.doesNotMatch(bad.stderr, /\n\s+at /);
    const option = runCli(['graph', ws.root, '--since=--output=/tmp/x']);
    assert.equal(option.code, 2);
    assert.match(option.stderr, /--since needs a git ref/);
    const outside = tempWorkspace({ 'bulkhead.json': CONFIG, 'src/shared/index.ts': 'export const x = 1;\n' });
    try {
      const r = runCli(['graph', outside.root, '--since', 'main'], outside.root, { GIT_CEILING_DIRECTORIES: path.dirname(outside.root) });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /is not inside a git repository/);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    } finally {
      outside.dispose();
    }
    const wrongFormat = runCli(['check', ws.root, '--since', 'HEAD~1']);
    assert.equal(wrongFormat.code, 2);
    assert.match(wrongFormat.stderr, /--format markdown/);
  });
});
