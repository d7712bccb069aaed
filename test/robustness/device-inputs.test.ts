import * as assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../support/fixtures';
import { LspStdio } from '../support/lsp-stdio';
import { tempWorkspace } from '../support/temp-workspace';

const CONFIG = JSON.stringify({ modules: [{ name: 'a', path: 'src/a' }, { name: 'b', path: 'src/b' }] });
const SOURCES = { 'src/a/use.ts': "import { x } from '../b/internal';\n", 'src/b/internal.ts': 'export const x = 1;\n' };

/**
 * The CLI as a process whose stdin stays open (a terminal or a CI step that never closes it):
 * reading /dev/stdin would wait forever. Resolves with the exit code and output, or 'timeout'.
 */
function runWithOpenStdin(args: string[], cwd: string, ms = 30_000): Promise<{ code: number | 'timeout'; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/bulkhead.js'), ...args], { cwd, env: { ...process.env, CI: 'true', NO_COLOR: '1' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ code: 'timeout', out });
    }, ms);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, out });
    });
  });
}

function workspaceWith(links: Record<string, string>, files: Record<string, string> = {}) {
  const ws = tempWorkspace({ ...SOURCES, ...files });
  for (const [rel, target] of Object.entries(links)) {
    fs.mkdirSync(path.dirname(path.join(ws.root, rel)), { recursive: true });
    fs.symlinkSync(target, path.join(ws.root, rel));
  }
  return ws;
}

describe('robustness: inputs symlinked to devices are refused, never read', function () {
  this.timeout(180_000);

  // /dev/stdin under a shell pipeline or `< fifo` is a named pipe with no writer: opening it blocks.
  const fifoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulkhead-fifo-'));
  const fifo = path.join(fifoDir, 'stdin');
  execFileSync('mkfifo', [fifo]);
  after(() => fs.rmSync(fifoDir, { recursive: true, force: true }));

  for (const device of ['/dev/zero', fifo]) {
    it(`bulkhead.json -> ${path.basename(device)}: a config error naming the file, exit 2`, async () => {
      const ws = workspaceWith({ 'bulkhead.json': device });
      try {
        const r = await runWithOpenStdin(['check'], ws.root);
        assert.equal(r.code, 2, r.out);
        assert.match(r.out, /1:1\s+error\s+Cannot read bulkhead\.json: not a regular file/);
      } finally {
        ws.dispose();
      }
    });

    it(`.gitignore -> ${path.basename(device)}: a notice, the check still runs`, async () => {
      const ws = workspaceWith({ '.gitignore': device }, { 'bulkhead.json': CONFIG });
      try {
        const r = await runWithOpenStdin(['check'], ws.root);
        assert.equal(r.code, 1, r.out);
        assert.match(r.out, /cannot read the file \(not a regular file/);
        assert.match(r.out, /internal-import/);
      } finally {
        ws.dispose();
      }
    });

    it(`baseline -> ${path.basename(device)}: a clear error, exit 2`, async () => {
      const ws = workspaceWith({ 'bulkhead-baseline.json': device }, { 'bulkhead.json': CONFIG });
      try {
        const r = await runWithOpenStdin(['check', '--baseline'], ws.root);
        assert.equal(r.code, 2, r.out);
        assert.match(r.out, /Cannot read baseline .*not a regular file/);
      } finally {
        ws.dispose();
      }
    });

    it(`cache -> ${path.basename(device)}: ignored, the check runs from scratch`, async () => {
      const ws = workspaceWith({ 'cache.bin': device }, { 'bulkhead.json': CONFIG });
      try {
        const r = await runWithOpenStdin(['check', '--cache-location', 'cache.bin'], ws.root);
        assert.equal(r.code, 1, r.out);
        assert.match(r.out, /internal-import/);
      } finally {
        ws.dispose();
      }
    });
  }

  it('tsconfig.json and package.json -> /dev/zero: resolution goes on without them', async () => {
    const ws = workspaceWith({ 'tsconfig.json': '/dev/zero', 'src/b/package.json': '/dev/zero' }, { 'bulkhead.json': CONFIG });
    try {
      const r = await runWithOpenStdin(['check'], ws.root);
      assert.equal(r.code, 1, r.out);
      assert.match(r.out, /internal-import/);
    } finally {
      ws.dispose();
    }
  });

  it('language server over stdio: bulkhead.json -> /dev/zero is a published config error, and the server keeps answering', async () => {
    const ws = workspaceWith({ 'bulkhead.json': '/dev/zero', '.gitignore': '/dev/zero' });
    const server = new LspStdio();
    try {
      await server.open(ws.root);
      const p = await server.waitFor((d) => d.uri.endsWith('/bulkhead.json') && d.diagnostics.length > 0, 30_000);
      assert.match(p.diagnostics[0].message, /not a regular file/);
      await server.ping(5_000);
    } finally {
      server.dispose();
      ws.dispose();
    }
  });
});
