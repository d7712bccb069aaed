import * as assert from 'node:assert/strict';
import { toGraphModel } from '../../src/protocol/graph-to-model';
import { cellAt, cellLabel, cellText, describeCell, matrixData, shorten, visibleRange } from '../../src/webview/logic/matrix-data';
import { NO_FILTER, visibleGraph } from '../../src/webview/logic/view-filter';
import { resultOf } from './support/synthetic-result';

// web → orders → billing → shared, billing → orders (cycle), shared → web (against the layering, violating).
const model = toGraphModel(
  resultOf(
    ['web', 'orders', 'billing', 'shared', 'spare'].map((name) => ({ name, dependsOn: name === 'spare' ? ['web'] : [] })),
    [
      { from: 'web', to: 'orders', imports: 4 },
      { from: 'orders', to: 'billing', imports: 7 },
      { from: 'billing', to: 'orders', imports: 1, inCycle: true },
      { from: 'billing', to: 'shared', imports: 2 },
      { from: 'shared', to: 'web', imports: 1, declared: false, violations: 1 },
    ],
  ),
);
const cells = (data: ReturnType<typeof matrixData>) => data.rows.flat().map((c) => `${data.names[c.row]}>${data.names[c.col]}:${c.edge.imports}${c.above ? ' above' : ''}`);

describe('webview: matrixData (the dependency matrix)', () => {
  it('changes since a ref: a new dependency is "+n", a removed one keeps its cell as "−", both said aloud', () => {
    const changed = structuredClone(model);
    changed.edges.find((e) => e.from === 'web' && e.to === 'orders')!.change = 'added';
    // What markChanges adds for a dependency that is gone: an edge without imports.
    changed.edges.push({ id: 'spare\u0000web', from: 'spare', to: 'web', imports: 0, declared: true, violations: 0, inCycle: false, change: 'removed' });
    const data = matrixData(changed, visibleGraph(changed, NO_FILTER));
    const [web, spare] = [data.names.indexOf('web'), data.names.indexOf('spare')];
    const orders = data.names.indexOf('orders');
    assert.equal(cellText(cellAt(data, web, orders)!.edge), '+4');
    assert.equal(describeCell(data, web, orders), 'web → orders: 4 imports, new since the compared ref');
    assert.equal(cellText(cellAt(data, spare, web)!.edge), '−');
    assert.equal(describeCell(data, spare, web), 'spare → web: removed since the compared ref');
    // Without a comparison, the same model has no cell for spare → web.
    assert.equal(cellAt(matrixData(model, visibleGraph(model, NO_FILTER)), spare, web), undefined);
  });

  it('rows and columns in the layered order, one cell per dependency with imports, above-diagonal marked', () => {
    // shared → web closes one big loop: everything but spare is one group, whose two cheapest
    // imports (billing → orders, shared → web) are the ones cut, so the only ones above the diagonal.
    // The group and spare are both on level 0: the group goes first by its first name, billing.
    const data = matrixData(model, visibleGraph(model, NO_FILTER));
    assert.deepEqual(data.names, ['shared', 'billing', 'orders', 'web', 'spare']);
    assert.deepEqual(data.blocks, [{ start: 0, size: 4 }]);
    assert.deepEqual(data.levelStarts, []);
    assert.deepEqual(cells(data), ['shared>web:1 above', 'billing>shared:2', 'billing>orders:1 above', 'orders>billing:7', 'web>orders:4']);
    assert.equal(cellAt(data, 1, 2)?.edge.id, 'billing\u0000orders');
    assert.equal(cellAt(data, 2, 1)?.edge.imports, 7);
    assert.equal(cellAt(data, 4, 3), undefined, 'declared but unused: no cell');
    assert.equal(describeCell(data, 0, 3), 'shared → web: 1 import, 1 violating, undeclared, against the layering');
    assert.equal(describeCell(data, 1, 2), 'billing → orders: 1 import, against the layering, in a cycle');
    assert.equal(describeCell(data, 4, 3), 'spare → web: no imports');
    assert.equal(describeCell(data, 3, 3), 'web: the module itself');
  });

  it('keeps the order under filters: what is left of a cycle is still one block, search marks rows', () => {
    const data = matrixData(model, visibleGraph(model, { ...NO_FILTER, hidden: ['shared'], search: 'ORD' }));
    assert.deepEqual(data.names, ['billing', 'orders', 'web', 'spare']);
    assert.deepEqual(data.blocks, [{ start: 0, size: 3 }]);
    assert.deepEqual([...data.matches], [1]);
    const violations = matrixData(model, visibleGraph(model, { ...NO_FILTER, onlyViolations: true }));
    assert.deepEqual(violations.names, ['shared', 'web']);
    assert.deepEqual(violations.blocks, [{ start: 0, size: 2 }]);
    assert.deepEqual(cells(violations), ['shared>web:1 above']);
  });

  it('marks where each dependency level starts, also among the modules a filter keeps', () => {
    // a → b → c, d → c: levels c 0, b 1, d 1, a 2.
    const chain = toGraphModel(resultOf(['a', 'b', 'c', 'd'].map((name) => ({ name })), [{ from: 'a', to: 'b' }, { from: 'b', to: 'c' }, { from: 'd', to: 'c' }]));
    const all = matrixData(chain, visibleGraph(chain, NO_FILTER));
    assert.deepEqual(all.names, ['c', 'b', 'd', 'a']);
    assert.deepEqual(all.levelStarts, [1, 3]);
    const some = matrixData(chain, visibleGraph(chain, { ...NO_FILTER, hidden: ['b', 'd'] }));
    assert.deepEqual([some.names, some.levelStarts], [['c', 'a'], [1]]);
  });

  it('falls back to the nodes order for models without a layering', () => {
    const data = matrixData({ ...model, layering: undefined }, visibleGraph(model, NO_FILTER));
    assert.deepEqual(data.names, ['web', 'orders', 'billing', 'shared', 'spare']);
    assert.deepEqual(data.blocks, []);
    assert.deepEqual(data.levelStarts, []);
  });

  it('windows, labels and names', () => {
    assert.deepEqual(visibleRange(0, 260, 26, 500), { first: 0, last: 11 });
    assert.deepEqual(visibleRange(26 * 100 + 5, 260, 26, 500), { first: 98, last: 112 });
    assert.deepEqual(visibleRange(26 * 495, 260, 26, 500), { first: 493, last: 499 });
    assert.deepEqual([1, 999, 1000, 1250, 9999, 12_345, 2_500_000].map(cellLabel), ['1', '999', '1k', '1.3k', '10k', '12k', '3M']);
    assert.equal(shorten('platform/files', 20), 'platform/files');
    assert.equal(shorten('workbench/contrib/files', 10), '…rib/files');
  });
});
