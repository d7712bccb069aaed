import * as assert from 'node:assert/strict';
import { toGraphModel } from '../../src/protocol/graph-to-model';
import { edgePath, nodeSize } from '../../src/webview/logic/geometry';
import { elkInput, layoutEdges, layoutKey } from '../../src/webview/logic/layout-input';
import { resultOf, syntheticResult } from './support/synthetic-result';

const small = (violations: number, extraModule = false) =>
  toGraphModel(resultOf([{ name: 'a' }, { name: 'b' }, ...(extraModule ? [{ name: 'c' }] : [])], [{ from: 'a', to: 'b', imports: 3, violations, declared: violations === 0 }]));

describe('webview: layout input', () => {
  it('keeps positions when only counts or violations change, re-lays out when modules change', () => {
    assert.equal(layoutKey(small(0)), layoutKey(small(2)));
    assert.notEqual(layoutKey(small(0)), layoutKey(small(0, true)));
  });

  it('lays out incrementally from previous positions when most modules are known', () => {
    const previous = new Map([['a', { x: 10, y: 20, width: 100, height: 40 }], ['b', { x: 200, y: 20, width: 100, height: 40 }]]);
    const input = elkInput(small(0, true), previous);
    assert.equal(input.layoutOptions['elk.layered.layering.strategy'], 'INTERACTIVE');
    assert.deepEqual(input.children.map((c) => [c.id, c.x, c.y]), [['a', 10, 20], ['b', 200, 20], ['c', undefined, undefined]]);
    assert.equal(elkInput(small(0)).layoutOptions['elk.layered.layering.strategy'], undefined);
  });

  it('partitions by group (layers left to right) up to 200 modules, not beyond (it costs ~10× there)', () => {
    const medium = toGraphModel(syntheticResult(100, 4, 2_000));
    const input = elkInput(medium);
    assert.equal(input.layoutOptions['elk.partitioning.activate'], 'true');
    const order = (id: string) => String(medium.groups.find((g) => g.id === medium.nodes.find((n) => n.id === id)!.group)!.order);
    assert.deepEqual(input.children.slice(0, 2).map((c) => c.layoutOptions?.['elk.partitioning.partition']), input.children.slice(0, 2).map((c) => order(c.id)));
    const large = elkInput(toGraphModel(syntheticResult(500, 12, 100_000)));
    assert.equal(large.layoutOptions['elk.partitioning.activate'], undefined);
    assert.equal(large.children[0].layoutOptions, undefined);
  });

  it('thins dense graphs to the heaviest edges per module for the layout', () => {
    const model = toGraphModel(syntheticResult(500, 12, 100_000));
    assert.ok(model.edges.length > 5000, `synthetic graph has ${model.edges.length} edges`);
    const kept = layoutEdges(model);
    assert.ok(kept.length <= 3 * model.nodes.length, `${kept.length} layout edges`);
    const sparse = toGraphModel(syntheticResult(50, 1, 100));
    assert.equal(layoutEdges(sparse).length, sparse.edges.filter((e) => e.imports > 0).length);
  });

  it('sizes nodes by name and file count, and routes backward edges below the boxes', () => {
    assert.ok(nodeSize('a', 200).height > nodeSize('a', 1).height);
    assert.ok(nodeSize('a-very-long-module-name', 1).width > nodeSize('a', 1).width);
    const left = { x: 0, y: 0, width: 100, height: 40 };
    const right = { x: 300, y: 0, width: 100, height: 40 };
    assert.match(edgePath(left, right).d, /^M100,20 C/);
    assert.ok(edgePath(right, left).mid.y > 40);
  });
});
