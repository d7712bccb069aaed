import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspStdio, type PublishedDiagnostics } from '../support/lsp-stdio';
import { tempWorkspace } from '../support/temp-workspace';

/** Enough files that the first scan takes a good second, and an open file with an internal import. */
function largeWorkspace(): { root: string; dispose(): void } {
  const files: Record<string, string> = {
    'bulkhead.json': JSON.stringify({
      modules: [
        { name: 'a', path: 'src/a', dependsOn: ['b'] },
        { name: 'b', path: 'src/b' },
        { name: 'c', path: 'src/c', dependsOn: ['b'] },
      ],
    }),
    'src/a/open.ts': "import { secret } from '../b/internal';\nimport { b } from '../b';\nexport const a = secret + b;\n",
    'src/b/index.ts': "export const b = 1;\n",
    'src/b/internal.ts': "export const secret = 2;\n",
    'src/b/other.ts': "export const other = 3;\n",
  };
  for (let i = 0; i < 4000; i++) {
    const body = Array.from({ length: 12 }, (_, k) => `export function f${i}_${k}(x: number): number {\n  return x * ${k} + ${i};\n}`).join('\n');
    files[`src/c/part${Math.floor(i / 100)}/f${i}.ts`] = `import { b } from '../../b';\n${i > 0 ? `import { f${i - 1}_0 } from '../part${Math.floor((i - 1) / 100)}/f${i - 1}';\n` : ''}${body}\nexport const v${i} = b;\n`;
  }
  return tempWorkspace(files);
}

function hasInternalImport(uri: string): (p: PublishedDiagnostics) => boolean {
  return (p) => p.uri === uri && p.diagnostics.some((d) => d.code === 'internal-import');
}

/** The language server's first scan runs in slices (issue 16): early findings, requests served, Cancel. */
describe('language server: the first scan', function () {
  this.timeout(180_000);
  let ws: { root: string; dispose(): void };
  before(() => { ws = largeWorkspace(); });
  after(() => ws.dispose());

  async function openWithEditor(server: LspStdio): Promise<string> {
    await server.open(ws.root);
    const file = path.join(ws.root, 'src/a/open.ts');
    const uri = pathToFileURL(file).href;
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'typescript', version: 1, text: "import { secret } from '../b/internal';\nimport { b } from '../b';\nexport const a = secret + b;\n" },
    });
    return uri;
  }

  it("publishes the open file's findings before the scan ends, reports progress and answers requests during it", async () => {
    const server = new LspStdio();
    try {
      const uri = await openWithEditor(server);
      await server.waitForNotification('bulkhead/scanStarted', () => true, 30_000);
      const asked = Date.now();
      await server.ping(2_000);
      const answeredIn = Date.now() - asked;
      const answeredBeforeEnd = !server.notifications.some((n) => n.method === 'bulkhead/scanFinished');
      await server.waitForNotification('bulkhead/scanFinished', () => true, 120_000);
      const methods = server.notifications.map((n) => n.method);
      const early = server.notifications.findIndex((n) => n.method === 'textDocument/publishDiagnostics' && hasInternalImport(uri)(n.params as PublishedDiagnostics));
      const finished = methods.indexOf('bulkhead/scanFinished');
      assert.ok(early >= 0 && early < finished, `early diagnostics at ${early}, scan finished at ${finished}: ${methods.join(', ')}`);
      assert.ok(answeredBeforeEnd, `a request during the scan was answered only after it (${answeredIn} ms)`);
      const progress = server.notifications.filter((n) => n.method === 'bulkhead/scanProgress').map((n) => n.params as { done: number; total: number; found?: number });
      // while files are still being found, how many so far; then how many are read
      const reading = progress.filter((p) => p.total > 0);
      assert.ok(reading.length > 0 && reading.every((p) => p.total === 4004 && p.done <= p.total), JSON.stringify(progress));
      assert.ok(progress.every((p) => p.total > 0 || (p.done === 0 && p.found! <= 4004)), JSON.stringify(progress));
      // the full result agrees with the early one on the open file
      // an array parameter is sent by position: the notification's one parameter is the folder list
      const [folders] = await server.waitForNotification<[{ folder: string; files: number }[]]>('bulkhead/status', ([f]) => f.length === 1, 10_000);
      assert.equal(folders[0].files, 4004);
      const last = server.published.filter((p) => p.uri === uri).at(-1)!;
      assert.deepEqual(last.diagnostics.map((d) => d.code), ['internal-import']);
    } finally {
      server.dispose();
    }
  });

  it('a file changed on disk during the scan is read again once the scan is done', async () => {
    const server = new LspStdio();
    const file = path.join(ws.root, 'src/a/open.ts');
    const before = fs.readFileSync(file, 'utf8');
    try {
      await server.open(ws.root);
      // src/a comes first in the scan: read by the time the first progress is reported
      await server.waitForNotification('bulkhead/scanProgress', () => true, 30_000);
      fs.writeFileSync(file, `import { other } from '../b/other';\n${before}`);
      await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type: 2 }] });
      await server.waitForNotification('bulkhead/scanFinished', () => true, 120_000);
      const uri = pathToFileURL(file).href;
      await server.waitFor((p) => p.uri === uri && p.diagnostics.filter((d) => d.code === 'internal-import').length === 2, 10_000);
    } finally {
      fs.writeFileSync(file, before);
      server.dispose();
    }
  });

  it('Cancel stops the scan, not the server: the folder is unchecked until a re-check', async () => {
    const server = new LspStdio();
    try {
      const uri = await openWithEditor(server);
      await server.waitFor(hasInternalImport(uri), 30_000);
      await server.connection.sendNotification('bulkhead/cancelScan', { folder: ws.root });
      const finished = await server.waitForNotification<{ cancelled?: boolean }>('bulkhead/scanFinished', () => true, 30_000);
      assert.equal(finished.cancelled, true);
      await server.ping(2_000);
      // the early findings are withdrawn, and no result was published
      await server.waitFor((p) => p.uri === uri && p.diagnostics.length === 0, 5_000);
      assert.ok(!server.notifications.some((n) => n.method === 'bulkhead/status' && (n.params as [unknown[]])[0].length > 0));
      const status = (await server.connection.sendRequest('bulkhead/recheck', {})) as { folder: string; files: number }[];
      assert.deepEqual(status.map((s) => s.files), [4004]);
      assert.deepEqual(server.published.filter((p) => p.uri === uri).at(-1)!.diagnostics.map((d) => d.code), ['internal-import']);
    } finally {
      server.dispose();
    }
  });
});
