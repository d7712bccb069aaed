import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { checkWorkspace } from '../../src/engine';
import { layeredOrder } from '../../src/protocol/graph-layering';
import { toGraphModel } from '../../src/protocol/graph-to-model';
import { REPO_ROOT } from '../support/fixtures';
import { syntheticResult } from './support/synthetic-result';

const dep = (from: string, to: string, imports = 1) => ({ from, to, imports });

/** Dependencies whose target comes after their source: the matrix's cells above the diagonal. */
function forward(order: readonly string[], edges: readonly { from: string; to: string; imports: number }[]): string[] {
  const at = new Map(order.map((m, i) => [m, i]));
  return edges.filter((e) => e.imports > 0 && at.get(e.from)! < at.get(e.to)!).map((e) => `${e.from}>${e.to}`);
}

describe('webview: layeredOrder (the matrix order)', () => {
  it('puts every module after what it depends on, by level, names breaking ties', () => {
    const edges = [dep('ui', 'orders'), dep('ui', 'billing'), dep('orders', 'billing'), dep('orders', 'shared'), dep('billing', 'shared'), dep('tools', 'shared')];
    const layering = layeredOrder(['ui', 'tools', 'shared', 'orders', 'billing', 'lonely'], edges);
    assert.deepEqual(layering.order, ['lonely', 'shared', 'billing', 'tools', 'orders', 'ui']);
    assert.deepEqual(layering.level, [0, 0, 1, 1, 2, 3]);
    assert.deepEqual(layering.cycles, []);
    assert.deepEqual(forward(layering.order, edges), []);
  });

  it('keeps a cycle contiguous at the level of its group, with only the cheapest import to cut pointing forward', () => {
    // a → b → c → a, where c → a has 1 import and the others 5: c → a is the one against the order.
    const edges = [dep('a', 'b', 5), dep('b', 'c', 5), dep('c', 'a', 1), dep('app', 'a'), dep('c', 'base')];
    const layering = layeredOrder(['app', 'a', 'b', 'c', 'base'], edges);
    assert.deepEqual(layering.order, ['base', 'c', 'b', 'a', 'app']);
    assert.deepEqual(layering.level, [0, 1, 1, 1, 2]);
    assert.deepEqual(layering.cycles, [{ start: 1, size: 3 }]);
    assert.deepEqual(forward(layering.order, edges), ['c>a']);
    assert.deepEqual(layering.cut, ['c\u0000a'], 'the cut the layers view marks is the forward import');
  });

  it('ignores declared but unused dependencies, self-imports and unknown modules', () => {
    const layering = layeredOrder(['x', 'y'], [dep('x', 'y', 0), dep('y', 'x', 0), dep('x', 'x', 3), dep('x', 'gone', 2)]);
    assert.deepEqual(layering, { order: ['x', 'y'], level: [0, 0], cycles: [], cut: [] });
  });

  it('is in every model: the example shop with its billing/orders cycle', () => {
    const model = toGraphModel(checkWorkspace({ root: path.join(REPO_ROOT, 'examples/shop') }));
    assert.deepEqual(model.layering, {
      // orders imports catalog, so catalog sits below the billing/orders cycle.
      order: ['shared', 'users', 'catalog', 'billing', 'orders', 'shipping'],
      level: [0, 1, 2, 3, 3, 4],
      cycles: [{ start: 3, size: 2 }],
      // The cheaper direction of the pair: billing → orders has 1 import, orders → billing 3.
      cut: ['billing\u0000orders'],
    });
  });

  it('orders 500 synthetic modules with only cycle cuts above the diagonal', () => {
    const model = toGraphModel(syntheticResult(500, 12, 100_000));
    const layering = model.layering!;
    assert.equal(new Set(layering.order).size, 500);
    assert.equal(Math.max(...layering.level), 10);
    // The generator plants 5 two-way pairs around one module: one group of 6, one cut per pair.
    assert.deepEqual(layering.cycles, [{ start: 45, size: 6 }]);
    const block = new Set(layering.order.slice(45, 51));
    const against = forward(layering.order, model.edges);
    assert.equal(against.length, 5);
    assert.ok(against.every((e) => e.split('>').every((m) => block.has(m))), against.join(', '));
    assert.deepEqual([...layering.cut!].map((id) => id.replace('\u0000', '>')).sort(), [...against].sort());
  });
});
