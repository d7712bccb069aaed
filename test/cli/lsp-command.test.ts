import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../support/fixtures';
import { LspStdio } from '../support/lsp-stdio';
import { runCli } from '../support/run-cli';

/** `bulkhead lsp --stdio` as a generic LSP client starts it (issue 19): no VS Code in the loop. */
describe('cli: bulkhead lsp --stdio', function () {
  this.timeout(120_000);

  it('publishes the example\'s violations, answers code actions, and survives a malformed message', async () => {
    const server = new LspStdio([path.join(REPO_ROOT, 'bin/bulkhead.js'), 'lsp', '--stdio']);
    try {
      const shop = path.join(REPO_ROOT, 'examples/shop');
      await server.open(shop);
      const file = path.join(shop, 'src/modules/catalog/application/review-service.ts');
      const uri = pathToFileURL(file).href;
      const published = await server.waitFor((p) => p.uri === uri && p.diagnostics.some((d) => d.code === 'internal-import'), 60_000);
      const diagnostic = published.diagnostics.find((d) => d.code === 'internal-import')!;
      const actions = (await server.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic] },
      })) as { title: string }[];
      assert.ok(actions.some((a) => /public API/i.test(a.title)), JSON.stringify(actions.map((a) => a.title)));
      // An unknown request gets an LSP error, and the server keeps answering.
      await assert.rejects(server.connection.sendRequest('bulkhead/noSuchRequest', { x: 1 }));
      await server.ping(10_000);
    } finally {
      server.dispose();
    }
  });

  it('rejects an unknown transport with a usage error', () => {
    const r = runCli(['lsp', '--socket=9000']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /lsp: unknown option --socket=9000/);
  });
});
