import * as assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../support/fixtures';

/** Root reads anything whatever its mode, so the CLI runs as `nobody` to meet a real EACCES. */
const NOBODY = 65534;
const asRoot = process.platform !== 'win32' && process.getuid?.() === 0;
const CLI = path.join(REPO_ROOT, 'bin/bulkhead.js');

function runCliAs(args: string[], options: SpawnSyncOptions = {}): { code: number; out: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: os.tmpdir(),
    encoding: 'utf8',
    input: '',
    env: { PATH: process.env.PATH, CI: 'true', NO_COLOR: '1' },
    timeout: 60_000,
    ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
    ...options,
  });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

/** Files of the workspace, all readable by everyone until the test locks some of them. */
const FILES: Record<string, string> = {
  'bulkhead.json': JSON.stringify({ modules: [{ name: 'a', path: 'src/a' }, { name: 'b', path: 'src/b' }] }),
  'tsconfig.json': '{ "compilerOptions": { "strict": true } }\n',
  '.gitignore': 'dist\n',
  'src/b/internal.ts': 'export const x = 1;\n',
  'src/a/index.ts': "import { x } from '../b/internal';\nexport const y = x;\n",
  'src/a/secret.ts': "import { x } from '../b/internal';\n",
  'src/a/locked/hidden.ts': "import { x } from '../../b/internal';\n",
};
const LOCKED = ['src/a/secret.ts', 'src/a/locked', 'tsconfig.json', '.gitignore'];

describe('robustness: unreadable files and folders', function () {
  this.timeout(60_000);
  let root = '';

  before(function () {
    if (process.platform === 'win32') this.skip();
    if (asRoot) {
      // The CLI, node and the workspace must be reachable by `nobody`, or the test proves nothing.
      const probe = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(path.join(REPO_ROOT, 'dist/cli.js'))})`], { uid: NOBODY, gid: NOBODY, cwd: os.tmpdir(), encoding: 'utf8' });
      if (probe.status !== 0) {
        console.log(`      skipped: user ${NOBODY} cannot load ${REPO_ROOT}/dist/cli.js (${probe.error?.message ?? probe.stderr.trim().split('\n')[0]})`);
        this.skip();
      }
    }
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'bulkhead-unreadable-')));
    for (const [rel, text] of Object.entries(FILES)) {
      const abs = path.join(root, rel);
      fs.mkdirSync(path.dirname(abs), { recursive: true, mode: 0o755 });
      fs.writeFileSync(abs, text, { mode: 0o644 });
    }
    for (let dir = path.join(root, 'src/a/locked'); dir.startsWith(root); dir = path.dirname(dir)) fs.chmodSync(dir, 0o755);
    for (const rel of LOCKED) fs.chmodSync(path.join(root, rel), 0o000);
  });

  after(() => {
    if (!root) return;
    for (const rel of LOCKED) fs.chmodSync(path.join(root, rel), 0o755);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('the CLI names each unreadable file and folder in a notice and checks the rest, without crashing', () => {
    const text = runCliAs(['check', root]);
    assert.doesNotMatch(text.out, /\n\s+at .+:\d+:\d+/, 'no stack trace');
    // Exit 1 is "violations found" (src/a/index.ts), not a crash (2 or more).
    assert.equal(text.code, 1, text.out);
    const rel = path.basename(root);
    // Each skipped file or folder is an unchecked-file error (CI fails on it), then its notice.
    assert.match(text.out, new RegExp(`${rel}/src/a/secret\\.ts\\n\\s+1:1\\s+error\\s+src/a/secret\\.ts: cannot read the file \\(EACCES\\)\\. .*unchecked-file\\n\\s+1:1\\s+warn\\s+skipped: cannot read the file \\(EACCES\\)\\s+unreadable`));
    assert.match(text.out, new RegExp(`${rel}/src/a/locked\\n\\s+1:1\\s+error\\s+src/a/locked: cannot read the folder .*unchecked-file\\n\\s+1:1\\s+warn\\s+skipped: cannot read the folder \\(EACCES\\); its files are not checked\\s+unreadable`));
    assert.match(text.out, new RegExp(`${rel}/\\.gitignore\\n\\s+1:1\\s+warn\\s+cannot read the file \\(EACCES\\); files it ignores are checked too\\s+unreadable`));
    assert.match(text.out, new RegExp(`${rel}/tsconfig\\.json\\n\\s+1:1\\s+warn\\s+tsconfig problem: Cannot read file`));

    const json = runCliAs(['check', root, '--format', 'json']);
    assert.equal(json.code, 1, json.out);
    const report = JSON.parse(json.out) as { violations: { file: string }[]; diagnostics: { file: string; code: string }[] };
    assert.deepEqual(report.diagnostics.map((d) => `${d.code} ${d.file}`).sort(), ['tsconfig tsconfig.json', 'unreadable .gitignore', 'unreadable src/a/locked', 'unreadable src/a/secret.ts']);
    assert.deepEqual([...new Set(report.violations.map((v) => v.file))].sort(), ['src/a/index.ts', 'src/a/locked', 'src/a/secret.ts']);
  });
});
