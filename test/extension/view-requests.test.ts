import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { GraphModel } from '../../src/protocol/graph-model';
import { unpackGraphModel } from '../../src/protocol/graph-wire';
import { edgeSites, fileOwner, graphAnswer } from '../../src/server/view-requests';
import { WorkspaceEngines } from '../../src/server/workspace-engines';
import { REPO_ROOT } from '../support/fixtures';
import { tempWorkspace } from '../support/temp-workspace';

/** The model as the extension host built it before the server did (checked in), without the public API and matrix order it never had. */
const expectedModel = (name: string): GraphModel => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'test/extension/expected', `${name}-graph-model.json`), 'utf8'));
const asBuiltBefore = ({ layering: _, ...model }: GraphModel): GraphModel => ({ ...model, nodes: model.nodes.map(({ publicApi: _api, ...n }) => n) });

function checkedEngines(...folders: string[]): WorkspaceEngines {
  const engines = new WorkspaceEngines('bulkhead.json');
  for (const engine of engines.sync(folders).added) engine.fullCheck();
  return engines;
}

describe('server: the graph, its import sites and file owners, answered from the engine', () => {
  for (const [name, folder] of [['shop', 'examples/shop'], ['vscode-layers', 'test/fixtures/vscode-layers']]) {
    it(`answers the graph of ${folder} with the model the extension used to build, plus each module's public API and the matrix order`, () => {
      const root = path.join(REPO_ROOT, folder);
      const answer = graphAnswer(checkedEngines(root), { activeFile: path.join(root, 'bulkhead.json') });
      assert.ok(answer);
      assert.equal(answer.folder, root);
      assert.deepEqual(asBuiltBefore(unpackGraphModel(answer.model)), expectedModel(name));
      for (const node of answer.model.nodes) assert.ok(node.publicApi && node.publicApi.length > 0, `${node.id} shows its public API`);
      assert.deepEqual([...answer.model.layering!.order].sort(), answer.model.nodes.map((n) => n.id).sort());
    });
  }

  it('sends the public API the map declares, and the index files when it declares none', () => {
    const shop = graphAnswer(checkedEngines(path.join(REPO_ROOT, 'examples/shop')), {})!.model.nodes;
    assert.deepEqual(shop.find((n) => n.id === 'orders')?.publicApi, ['index.ts', 'index.tsx', 'index.mts', 'index.js', 'index.jsx', 'index.mjs']);
    const layers = graphAnswer(checkedEngines(path.join(REPO_ROOT, 'test/fixtures/vscode-layers')), {})!.model.nodes;
    assert.deepEqual(layers.find((n) => n.id === 'base/common')?.publicApi, ['**']);
  });

  it('answers edge sites with the rules each import breaks', () => {
    const root = path.join(REPO_ROOT, 'examples/shop');
    const engines = checkedEngines(root);
    const sites = edgeSites(engines, { folder: root, from: 'catalog', to: 'users' });
    assert.equal(sites.total, 1);
    assert.deepEqual(sites.sites[0].rules, ['internal-import', 'undeclared-dependency']);
    assert.deepEqual(edgeSites(engines, { folder: path.join(root, 'nowhere'), from: 'catalog', to: 'users' }), { sites: [], total: 0 });
  });

  // The extension used to find the graph's active module by root prefix over the result's modules
  // (src/protocol/graph-active-module.ts), while the status bar asked the engine. They disagreed on
  // files under a module root that the engine does not check (ignored, or not source): the graph
  // highlighted "orders" for orders/place-order.test.ts, the status bar said "no module".
  it('gives the graph the same active module as the status bar, also for files the map ignores', () => {
    const ws = tempWorkspace({
      'bulkhead.json': JSON.stringify({ ignore: ['**/*.test.ts'], modules: [{ name: 'app', path: 'src' }, { name: 'orders', path: 'src/orders' }] }),
      'src/main.ts': "import { place } from './orders';\nplace();\n",
      'src/orders/index.ts': 'export function place(): void {}\n',
      'src/orders/place.test.ts': "import { place } from './index';\nplace();\n",
      'src/orders/styles.css': 'body {}\n',
      'README.md': '# acme\n',
    });
    try {
      const engines = checkedEngines(ws.root);
      const cases: [string, string | undefined][] = [
        ['src/main.ts', 'app'], ['src/orders/index.ts', 'orders'], ['src/orders/place.test.ts', undefined], ['src/orders/styles.css', undefined], ['README.md', undefined],
      ];
      for (const [file, module] of cases) {
        const abs = path.join(ws.root, file);
        assert.equal(fileOwner(engines, abs)?.module, module, `status bar: ${file}`);
        assert.equal(graphAnswer(engines, { activeFile: abs })?.activeModule, module, `graph: ${file}`);
      }
      assert.equal(fileOwner(engines, path.join(path.dirname(ws.root), 'elsewhere.ts')), null);
    } finally {
      ws.dispose();
    }
  });

  it('answers for the folder asked, else the active file\'s folder, else the first with a result', () => {
    const shop = path.join(REPO_ROOT, 'examples/shop');
    const layers = path.join(REPO_ROOT, 'test/fixtures/vscode-layers');
    const engines = checkedEngines(shop, layers);
    assert.equal(graphAnswer(engines, { folder: layers, activeFile: path.join(shop, 'src/main.ts') })?.folder, layers);
    assert.equal(graphAnswer(engines, { activeFile: path.join(layers, 'bulkhead.json') })?.folder, layers);
    assert.equal(graphAnswer(engines, {})?.folder, shop);
    assert.equal(graphAnswer(new WorkspaceEngines('bulkhead.json'), {}), null);
  });
});
