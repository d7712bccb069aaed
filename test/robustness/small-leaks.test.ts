import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../support/run-cli';
import { tempWorkspace } from '../support/temp-workspace';

const FILES = {
  'bulkhead.json': JSON.stringify({ modules: [{ name: 'a', path: 'src/a' }, { name: 'b', path: 'src/b' }] }),
  'src/a/use.ts': "import { x } from '../b/internal';\n",
  'src/b/internal.ts': 'export const x = 1;\n',
};

describe('robustness: small leaks (temp files, file content in errors)', function () {
  this.timeout(120_000);

  it('a temp file left by a killed baseline write is removed by the next write; a fresh one is kept', () => {
    const ws = tempWorkspace(FILES);
    try {
      const stale = path.join(ws.root, '.bulkhead-baseline.json.4242.lx3k2a.tmp');
      const fresh = path.join(ws.root, '.bulkhead-baseline.json.4343.lx3k2b.tmp');
      const unrelated = path.join(ws.root, '.bulkhead-baseline.json.notes.tmp');
      for (const f of [stale, fresh, unrelated]) fs.writeFileSync(f, '{"version":1,"entries":[');
      const hourAgo = new Date(Date.now() - 3600_000);
      fs.utimesSync(stale, hourAgo, hourAgo);
      fs.utimesSync(unrelated, hourAgo, hourAgo);
      const r = runCli(['baseline'], ws.root);
      assert.equal(r.code, 0, r.stderr);
      assert.ok(fs.existsSync(path.join(ws.root, 'bulkhead-baseline.json')));
      assert.equal(fs.existsSync(stale), false, 'stale temp file removed');
      assert.equal(fs.existsSync(fresh), true, 'a temp file that a running write may own is kept');
      assert.equal(fs.existsSync(unrelated), true, 'only our own naming pattern is touched');
    } finally {
      ws.dispose();
    }
  });

  it('a baseline symlinked to a file outside the workspace: the error does not quote its content', () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'bulkhead-secret-'));
    const secret = path.join(outside, 'secret.txt');
    fs.writeFileSync(secret, 'TOPSECRET-token-1234 not json');
    const ws = tempWorkspace(FILES);
    try {
      fs.symlinkSync(secret, path.join(ws.root, 'bulkhead-baseline.json'));
      const r = runCli(['check', '--baseline'], ws.root);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /not valid JSON/);
      assert.doesNotMatch(r.stdout + r.stderr, /TOPSECRET|token-1234/);
    } finally {
      ws.dispose();
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('--cache through a committed node_modules symlink to outside the workspace: not written there, with a warning', () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'bulkhead-outside-'));
    const ws = tempWorkspace(FILES);
    try {
      fs.symlinkSync(outside, path.join(ws.root, 'node_modules'));
      const r = runCli(['check', '--cache'], ws.root);
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stderr, /not using --cache: node_modules\/\.cache\/bulkhead.* leads outside the workspace/);
      assert.deepEqual(fs.readdirSync(outside), []);
    } finally {
      ws.dispose();
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });
});
