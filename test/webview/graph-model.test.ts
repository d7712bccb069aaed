import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { checkWorkspace } from '../../src/engine';
import { edgeId } from '../../src/protocol/graph-model';
import { toGraphModel } from '../../src/protocol/graph-to-model';
import { REPO_ROOT } from '../support/fixtures';
import { resultOf } from './support/synthetic-result';

const edge = (model: ReturnType<typeof toGraphModel>, from: string, to: string) => model.edges.find((e) => e.id === edgeId(from, to));

describe('webview: toGraphModel', () => {
  it('draws the example shop: red undeclared edges, the billing/orders cycle, tag groups', () => {
    const model = toGraphModel(checkWorkspace({ root: path.join(REPO_ROOT, 'examples/shop') }));
    assert.deepEqual(model.nodes.map((n) => n.id), ['billing', 'catalog', 'orders', 'shared', 'shipping', 'users']);
    assert.equal(model.title, 'shop');
    // catalog → users is the deliberate internal + undeclared import of review-service.ts.
    assert.deepEqual(edge(model, 'catalog', 'users'), { id: edgeId('catalog', 'users'), from: 'catalog', to: 'users', imports: 1, declared: false, violations: 1, inCycle: false });
    assert.equal(edge(model, 'shipping', 'users')?.declared, false);
    assert.equal(edge(model, 'orders', 'billing')?.inCycle, true);
    assert.equal(edge(model, 'billing', 'orders')?.inCycle, true);
    assert.equal(edge(model, 'users', 'shared')?.violations, 0);
    // "shared" is tagged kernel, every other module business; users of the kernel come first.
    assert.deepEqual(model.groups.map((g) => [g.id, g.kind, g.order]), [['business', 'tag', 0], ['kernel', 'tag', 1]]);
    assert.equal(model.nodes.find((n) => n.id === 'shared')?.group, 'kernel');
    assert.equal(model.nodes.find((n) => n.id === 'billing')?.inCycle, true);
    assert.equal(model.nodes.find((n) => n.id === 'users')?.inCycle, false);
  });

  it("carries each module's public API: the map's globs, or its defaults", () => {
    const monorepo = toGraphModel(checkWorkspace({ root: path.join(REPO_ROOT, 'test/fixtures/resolve-monorepo') }));
    assert.deepEqual(monorepo.nodes.find((n) => n.id === 'api')?.publicApi, ['src/contract.ts']);
    const shop = toGraphModel(checkWorkspace({ root: path.join(REPO_ROOT, 'examples/shop') }));
    assert.deepEqual(shop.nodes.find((n) => n.id === 'users')?.publicApi?.slice(0, 2), ['index.ts', 'index.tsx']);
  });

  it('adds declared dependencies nobody uses as faint edges, resolving names, globs and tags but not "*"', () => {
    const model = toGraphModel(
      resultOf(
        [
          { name: 'app', dependsOn: ['platform/*', 'tag:util', 'missing'] },
          { name: 'platform/files', dependsOn: ['*'] },
          { name: 'platform/net' },
          { name: 'strings', tags: ['util'] },
        ],
        [{ from: 'app', to: 'platform/files', imports: 4 }],
      ),
    );
    const ids = model.edges.map((e) => `${e.from}>${e.to}:${e.imports}`);
    assert.deepEqual(ids, ['app>platform/files:4', 'app>platform/net:0', 'app>strings:0']);
    assert.equal(edge(model, 'app', 'platform/net')?.declared, true);
  });

  // The graph used to match selectors with its own glob code (src/protocol/graph-selectors.ts), which
  // knew `*` and `?` only: the engine allowed `platform/{files,net}` and `lib/[ab]`, the graph drew
  // no declared edge for them. Now both use the engine's `selects` (minimatch).
  it('matches dependsOn selectors as the engine does: braces and character classes too', () => {
    const model = toGraphModel(
      resultOf(
        [{ name: 'app', dependsOn: ['platform/{files,net}', 'lib/[ab]'] }, { name: 'platform/files' }, { name: 'platform/net' }, { name: 'platform/os' }, { name: 'lib/a' }, { name: 'lib/b' }, { name: 'lib/c' }],
        [],
      ),
    );
    assert.deepEqual(model.edges.map((e) => `${e.from}>${e.to}`), ['app>lib/a', 'app>lib/b', 'app>platform/files', 'app>platform/net']);
  });

  it('groups by layer tag first, then name prefix, and puts depended-on groups to the right', () => {
    const layered = toGraphModel(
      resultOf(
        [
          { name: 'ui', tags: ['layer:workbench'] },
          { name: 'core', tags: ['layer:base'] },
          { name: 'strings', tags: ['layer:base'] },
          { name: 'files', tags: ['layer:platform'] },
        ],
        [{ from: 'ui', to: 'files' }, { from: 'files', to: 'core' }],
      ),
    );
    assert.deepEqual(layered.groups.map((g) => g.id), ['workbench', 'platform', 'base']);
    assert.equal(layered.groups[0].kind, 'layer');
    const prefixed = toGraphModel(resultOf([{ name: 'base/common' }, { name: 'base/node' }, { name: 'editor/common' }], [{ from: 'editor/common', to: 'base/common' }]));
    assert.deepEqual(prefixed.groups.map((g) => [g.id, g.kind]), [['editor', 'prefix'], ['base', 'prefix']]);
  });

  it('does not group when every module would be its own group, and skips edges to unknown modules', () => {
    const model = toGraphModel(resultOf([{ name: 'a', tags: ['x'] }, { name: 'b', tags: ['y'] }], [{ from: 'a', to: 'b' }, { from: 'a', to: 'gone' }]));
    assert.deepEqual(model.groups, []);
    assert.equal(model.nodes[0].group, undefined);
    assert.deepEqual(model.edges.map((e) => e.to), ['b']);
  });
});
