import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspStdio, type PublishedDiagnostics } from '../support/lsp-stdio';
import { tempWorkspace } from '../support/temp-workspace';

interface LogMessage {
  type: number;
  message: string;
}

function workspace(): { root: string; dispose(): void } {
  const files: Record<string, string> = {
    'bulkhead.json': JSON.stringify({ modules: [{ name: 'a', path: 'src/a', dependsOn: ['b'] }, { name: 'b', path: 'src/b' }] }),
    'src/a/uses-internal.ts': "import { secret } from '../b/internal';\nexport const a = secret;\n",
    'src/b/index.ts': 'export const b = 1;\n',
    'src/b/internal.ts': 'export const secret = 2;\n',
  };
  for (let i = 0; i < 300; i++) files[`src/a/part${i}.ts`] = `import { b } from '../b';\nexport const v${i} = b + ${i};\n`;
  return tempWorkspace(files);
}

function logIndex(server: LspStdio, pattern: RegExp): number {
  return server.notifications.findIndex((n) => n.method === 'window/logMessage' && pattern.test((n.params as LogMessage).message));
}

/**
 * The editor's server writes its caches once the first result is out (issue 16, editor start):
 * the fact cache after the diagnostics, TypeScript's code cache without waiting for an exit that
 * an editor killing the server never gives.
 */
describe('language server: caches written after the first result', function () {
  this.timeout(120_000);
  let ws: { root: string; dispose(): void };
  let storage: string;
  let userCache: string;
  before(() => {
    ws = workspace();
    storage = fs.mkdtempSync(path.join(os.tmpdir(), 'bulkhead-storage-'));
    userCache = fs.mkdtempSync(path.join(os.tmpdir(), 'bulkhead-user-cache-'));
  });
  after(() => {
    ws.dispose();
    fs.rmSync(storage, { recursive: true, force: true });
    fs.rmSync(userCache, { recursive: true, force: true });
  });

  it('publishes the diagnostics first, then writes the fact cache and the code cache while it runs; the next start answers from the fact cache', async () => {
    const uri = pathToFileURL(path.join(ws.root, 'src/a/uses-internal.ts')).href;
    const first = new LspStdio(undefined, { XDG_CACHE_HOME: userCache });
    try {
      await first.open(ws.root, { cacheFolder: storage });
      await first.waitForNotification<LogMessage>('window/logMessage', (p) => /fact cache written in/.test(p.message), 60_000);
      const published = first.notifications.findIndex((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as PublishedDiagnostics).uri === uri);
      const written = logIndex(first, /fact cache written in/);
      // where its wall time went, for telling a starved server from a slow one
      const check = first.notifications[logIndex(first, /full check of/)].params as LogMessage;
      assert.match(check.message, /in \d+ ms \(CPU \d+ ms; setup \d+ ms, reading \d+ ms, analysis \d+ ms, between slices \d+ ms\) \(cache: 0 of 303 files\)/);
      assert.ok(published >= 0 && published < written, `diagnostics at ${published}, cache written at ${written}`);
      assert.equal(fs.readdirSync(storage).filter((f) => /^facts-[0-9a-f]{16}\.json$/.test(f)).length, 1, fs.readdirSync(storage).join(', '));
      // the server is still running: no exit wrote this
      const codeCaches = fs.readdirSync(path.join(userCache, 'bulkhead', 'compile-cache')).filter((f) => /^typescript-.*\.bin$/.test(f));
      assert.equal(codeCaches.length, 1, codeCaches.join(', '));
    } finally {
      first.dispose();
    }
    const second = new LspStdio(undefined, { XDG_CACHE_HOME: userCache });
    try {
      await second.open(ws.root, { cacheFolder: storage });
      const check = await second.waitForNotification<LogMessage>('window/logMessage', (p) => /full check of/.test(p.message), 60_000);
      assert.match(check.message, /full check of 303 files, 2 modules .*\(cache: nothing changed, last result reused\)/);
      await second.waitFor((p) => p.uri === uri && p.diagnostics.some((d) => d.code === 'internal-import'), 10_000);
      assert.equal(logIndex(second, /fact cache written in/), -1, 'nothing was due: the stored result was reused');
    } finally {
      second.dispose();
    }
  });
});
