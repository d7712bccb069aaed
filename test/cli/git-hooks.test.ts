import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as yaml from 'js-yaml';
import { REPO_ROOT } from '../support/fixtures';

/** The husky recipe exactly as docs/ci.md shows it: the hook file's text. */
function huskyRecipe(): string {
  const docs = fs.readFileSync(path.join(REPO_ROOT, 'docs/ci.md'), 'utf8');
  const block = /```sh\n# \.husky\/pre-commit\n([\s\S]*?)```/.exec(docs);
  assert.ok(block, 'docs/ci.md has no .husky/pre-commit block');
  return block[1];
}

function git(cwd: string, ...args: string[]): { code: number; out: string } {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', input: '', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e', CI: 'true', NO_COLOR: '1' }, timeout: 120_000 });
  return { code: r.status ?? -1, out: r.stdout + r.stderr };
}

/**
 * A repository holding the bundled example (7 known violations in its committed baseline) with Bulkhead
 * installed as a project would have it: `node_modules/.bin/bulkhead`, which `npx` and hook
 * runners find without a download.
 */
function exampleRepo(): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'bulkhead-hooks-')));
  fs.cpSync(path.join(REPO_ROOT, 'examples/shop'), dir, { recursive: true, filter: (src) => !src.includes('node_modules') });
  fs.mkdirSync(path.join(dir, 'node_modules/.bin'), { recursive: true });
  fs.symlinkSync(REPO_ROOT, path.join(dir, 'node_modules/bulkhead'));
  fs.symlinkSync('../bulkhead/bin/bulkhead.js', path.join(dir, 'node_modules/.bin/bulkhead'));
  fs.writeFileSync(path.join(dir, '.gitignore'), 'node_modules\n');
  // As docs/ci.md says: the baseline is recorded once and committed.
  assert.equal(spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin/bulkhead.js'), 'baseline'], { cwd: dir, encoding: 'utf8' }).status, 0);
  assert.equal(git(dir, 'init', '-q', '-b', 'main').code, 0);
  git(dir, 'add', '-A');
  assert.equal(git(dir, 'commit', '-qm', 'example').code, 0);
  return dir;
}

const CLEAN_EDIT = ['src/modules/orders/application/order-dto.ts', '\nexport const ORDER_DTO_VERSION = 2;\n'] as const;
const VIOLATING_EDIT = ['src/modules/orders/application/order-service.ts', "\nimport { Payment } from '../../billing/domain/payment';\nexport type PaymentSeen = Payment;\n"] as const;

describe('git hooks: the husky recipe and the pre-commit hook, run by git', function () {
  this.timeout(180_000);

  it('husky (docs/ci.md): a clean change commits, a new violation is refused, the 7 old ones in the baseline do not block', () => {
    const repo = exampleRepo();
    try {
      fs.mkdirSync(path.join(repo, '.husky'));
      fs.writeFileSync(path.join(repo, '.husky/pre-commit'), huskyRecipe(), { mode: 0o755 });
      git(repo, 'config', 'core.hooksPath', '.husky');

      fs.appendFileSync(path.join(repo, CLEAN_EDIT[0]), CLEAN_EDIT[1]);
      git(repo, 'add', CLEAN_EDIT[0]);
      const clean = git(repo, 'commit', '-qm', 'clean');
      assert.equal(clean.code, 0, clean.out);

      fs.appendFileSync(path.join(repo, VIOLATING_EDIT[0]), VIOLATING_EDIT[1]);
      git(repo, 'add', VIOLATING_EDIT[0]);
      const refused = git(repo, 'commit', '-qm', 'reach into billing');
      assert.equal(refused.code, 1, refused.out);
      assert.match(refused.out, /reaches into the internals of module "billing"/);
      assert.match(git(repo, 'log', '--oneline').out, /clean/);
      assert.doesNotMatch(git(repo, 'log', '--oneline').out, /reach into billing/);
      // The cache the hook keeps between commits lives in node_modules, which git ignores.
      assert.ok(fs.existsSync(path.join(repo, 'node_modules/.cache/bulkhead')));
    } finally {
      fs.rmSync(repo, { recursive: true, force: true });
    }
  });

  it('.pre-commit-hooks.yaml: its entry, run as pre-commit runs a node hook (the package bins on PATH, no file names), refuses only the new violation', () => {
    const hooks = yaml.load(fs.readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; pass_filenames: boolean }[];
    const hook = hooks.find((h) => h.id === 'bulkhead');
    assert.ok(hook);
    assert.equal(hook.language, 'node');
    assert.equal(hook.pass_filenames, false);
    const repo = exampleRepo();
    try {
      const script = `#!/bin/sh\nPATH="${path.join(repo, 'node_modules/.bin')}:$PATH" exec ${hook.entry}\n`;
      fs.writeFileSync(path.join(repo, '.git/hooks/pre-commit'), script, { mode: 0o755 });
      fs.appendFileSync(path.join(repo, CLEAN_EDIT[0]), CLEAN_EDIT[1]);
      git(repo, 'add', CLEAN_EDIT[0]);
      assert.equal(git(repo, 'commit', '-qm', 'clean').code, 0);
      fs.appendFileSync(path.join(repo, VIOLATING_EDIT[0]), VIOLATING_EDIT[1]);
      git(repo, 'add', VIOLATING_EDIT[0]);
      const refused = git(repo, 'commit', '-qm', 'reach into billing');
      assert.equal(refused.code, 1, refused.out);
      assert.match(refused.out, /internal-import/);
    } finally {
      fs.rmSync(repo, { recursive: true, force: true });
    }
  });
});
