/**
 * "Changes since…" checks the tree at the ref in a worker thread: the server's thread stays free
 * for diagnostics and hovers meanwhile, the answer is the same as the in-thread check, a second
 * request for the same commit waits on the first check instead of starting another, and a ref git
 * does not know comes back as the same sentence as before.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { resultAtRef } from '../../src/engine';
import { FolderEngine } from '../../src/server/folder-engine';
import { unpackGraphModel } from '../../src/protocol/graph-wire';
import { resultAtRefOffThread, type OldTreeRequest } from '../../src/server/result-at-ref-off-thread';
import { graphSince } from '../../src/server/since-requests';
import type { WorkspaceEngines } from '../../src/server/workspace-engines';
import { committedRepo } from '../support/git-repo';
import { oneFolderEngines } from '../support/one-folder-engines';
import { tempWorkspace } from '../support/temp-workspace';


describe('server: the tree at a git ref is checked off the server thread', function () {
  this.timeout(60_000);
  let ws: ReturnType<typeof tempWorkspace>;
  let engines: WorkspaceEngines;

  before(() => {
    ws = tempWorkspace({
      'bulkhead.json': JSON.stringify({
        modules: [
          { name: 'app', path: 'src/app', dependsOn: ['orders'] },
          { name: 'orders', path: 'src/orders', dependsOn: [] },
          { name: 'billing', path: 'src/billing', dependsOn: [] },
        ],
      }),
      'src/orders/index.ts': 'export const order = 1;\n',
      'src/billing/index.ts': 'export const bill = 1;\n',
      'src/app/main.ts': "import { order } from '../orders';\nexport const run = order;\n",
    });
    committedRepo(ws.root);
    // Today app also bills: an undeclared dependency added since main.
    fs.writeFileSync(path.join(ws.root, 'src/app/main.ts'), "import { order } from '../orders';\nimport { bill } from '../billing';\nexport const run = order + bill;\n");
    const engine = new FolderEngine(ws.root, 'bulkhead.json');
    engine.fullCheck();
    engines = oneFolderEngines(ws.root, engine);
  });

  after(() => ws.dispose());

  it('answers as the in-thread check does, and the thread runs other work while the worker checks', async () => {
    const request: OldTreeRequest = { root: ws.root, ref: 'main', configFile: path.join(ws.root, 'bulkhead.json'), configText: fs.readFileSync(path.join(ws.root, 'bulkhead.json'), 'utf8') };
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 1);
    try {
      const offThread = await resultAtRefOffThread(request);
      // Starting a worker and loading the engine in it takes far longer than one timer period;
      // in-thread, no timer could fire before the answer.
      assert.ok(ticks > 0, 'no timer ran while the old tree was checked');
      const inThread = resultAtRef(request.root, request.ref, request.configFile, request.configText);
      assert.equal(offThread.commit, inThread.commit);
      assert.deepEqual({ ...offThread.result, summary: { ...offThread.result.summary, durationMs: 0 } }, { ...inThread.result, root: offThread.result.root, summary: { ...inThread.result.summary, durationMs: 0 } });
    } finally {
      clearInterval(ticker);
    }
  });

  it('marks what changed, and a second request for the same commit reuses the pending check', async () => {
    let checks = 0;
    const counting = (request: OldTreeRequest) => {
      checks++;
      return resultAtRefOffThread(request);
    };
    const [first, second] = await Promise.all([
      graphSince(engines, { folder: ws.root, ref: 'HEAD' }, counting),
      graphSince(engines, { folder: ws.root, ref: 'main' }, counting),
    ]);
    assert.equal(checks, 1);
    for (const answer of [first, second]) {
      const edge = (answer.answer ? unpackGraphModel(answer.answer.model) : undefined)?.edges.find((e) => e.from === 'app' && e.to === 'billing');
      assert.equal(edge?.change, 'added', JSON.stringify(answer).slice(0, 400));
    }
  });

  it('a ref git does not know is the same sentence as before, and is not kept', async () => {
    const answer = await graphSince(engines, { folder: ws.root, ref: 'no-such-ref' });
    assert.match(answer.error ?? '', /no commit, branch or tag "no-such-ref"/);
  });
});
