import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempWorkspace } from '../support/temp-workspace';
import { runCli } from '../support/run-cli';

describe('cli: --changed-since', function () {
  this.timeout(240_000);
  it('reports only changed files (committed, staged, untracked) plus cycles through their modules', () => {
    const ws = tempWorkspace({
      'bulkhead.json': JSON.stringify({
        modules: [
          { name: 'a', path: 'src/a', dependsOn: ['b'] },
          { name: 'b', path: 'src/b', dependsOn: ['a'] },
          { name: 'c', path: 'src/c' },
        ],
      }),
      'src/a/index.ts': "import { b } from '../b';\nexport const a = b;\n",
      'src/b/index.ts': "import { a } from '../a';\nexport const b = 1;\nexport const again = a;\n",
      'src/c/index.ts': "import { x } from '../b/internal';\nexport const c = x;\n",
      'src/b/internal.ts': 'export const x = 1;\n',
    });
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: ws.root, encoding: 'utf8' });
    try {
      git('init', '-q', '-b', 'main');
      git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'add', '.');
      git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'start');
      const all = runCli(['check', ws.root, '--format', 'json']);
      const rules = (out: string) => (JSON.parse(out) as { violations: { rule: string; file: string }[] }).violations.map((v) => `${v.rule} ${v.file}`).sort();
      assert.deepEqual(rules(all.stdout), ['cycle src/a/index.ts', 'internal-import src/c/index.ts', 'undeclared-dependency src/c/index.ts']);

      const none = runCli(['check', ws.root, '--changed-since', 'HEAD', '--format', 'json']);
      assert.deepEqual(rules(none.stdout), []);
      assert.equal(none.code, 0);

      fs.writeFileSync(path.join(ws.root, 'src/b/index.ts'), "import { a } from '../a';\nexport const b = 2;\nexport const again = a;\n");
      fs.writeFileSync(path.join(ws.root, 'src/c/new.ts'), "import { x } from '../b/internal';\nexport const y = x;\n");
      const changed = runCli(['check', ws.root, '--changed-since', 'HEAD', '--format', 'json']);
      assert.equal(changed.code, 1);
      assert.deepEqual(rules(changed.stdout), ['cycle src/a/index.ts', 'internal-import src/c/new.ts', 'undeclared-dependency src/c/new.ts']);
      assert.deepEqual((JSON.parse(changed.stdout) as { changedSince: unknown }).changedSince, { ref: 'HEAD', files: 2 });

      const bad = runCli(['check', ws.root, '--changed-since', 'no-such-ref']);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /--changed-since no-such-ref: git merge-base failed/);
    } finally {
      ws.dispose();
    }
  });

  it('also reports untouched files whose answers a change altered: a barrel, a deleted file, the config (issue 18 item 6)', () => {
    const ws = tempWorkspace({
      'bulkhead.json': JSON.stringify({
        modules: [
          { name: 'a', path: 'src/a', dependsOn: ['b'] },
          { name: 'b', path: 'src/b' },
          { name: 'c', path: 'src/c' },
        ],
      }),
      'src/a/index.ts': "import { v } from '../b';\nexport const a = v;\n",
      'src/a/helper.ts': "import { h } from './util';\nexport const helper = h;\n",
      'src/a/util.ts': 'export const h = 1;\n',
      'src/b/index.ts': "export * from './values';\n",
      'src/b/values.ts': 'export const v = 1;\n',
      'src/c/index.ts': 'export const v = 2;\n',
    });
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: ws.root, encoding: 'utf8' });
    const rules = (out: string) => (JSON.parse(out) as { violations: { rule: string; file: string }[] }).violations.map((v) => `${v.rule} ${v.file}`).sort();
    const changedSince = () => rules(runCli(['check', ws.root, '--changed-since', 'HEAD', '--format', 'json']).stdout);
    try {
      git('init', '-q', '-b', 'main');
      git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'add', '.');
      git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'start');
      assert.deepEqual(changedSince(), []);
      // b's barrel now launders c: the untouched importer in a depends on c.
      fs.writeFileSync(path.join(ws.root, 'src/b/values.ts'), "export { v } from '../c';\n");
      assert.deepEqual(changedSince(), ['undeclared-dependency src/a/index.ts', 'undeclared-dependency src/b/values.ts']);
      git('checkout', '-q', '--', '.');
      // A deleted file leaves its untouched importer unresolved.
      fs.rmSync(path.join(ws.root, 'src/a/util.ts'));
      assert.deepEqual(changedSince(), ['unresolved-import src/a/helper.ts']);
      git('checkout', '-q', '--', '.');
      // The config changes what every file may do.
      fs.writeFileSync(path.join(ws.root, 'bulkhead.json'), JSON.stringify({ modules: [{ name: 'a', path: 'src/a' }, { name: 'b', path: 'src/b' }, { name: 'c', path: 'src/c' }] }));
      assert.deepEqual(changedSince(), ['undeclared-dependency src/a/index.ts']);
    } finally {
      ws.dispose();
    }
  });
});
