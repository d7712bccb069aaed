import * as assert from 'node:assert/strict';
import { toGraphModel } from '../../src/protocol/graph-to-model';
import { edgePath, groupSize, nodeSize } from '../../src/webview/logic/geometry';
import { buildGroupTree } from '../../src/webview/logic/group-tree';
import { elkInput, layoutEdges } from '../../src/webview/logic/layout-input';
import { collapse, defaultExpanded, overviewKey, type Overview } from '../../src/webview/logic/overview';
import { resultOf, syntheticResult } from './support/synthetic-result';

const overviewOf = (result: ReturnType<typeof resultOf>, expanded?: Set<string>): Overview => {
  const model = toGraphModel(result);
  const tree = buildGroupTree(model, model.nodes);
  return collapse(tree, expanded ?? defaultExpanded(tree), model.nodes, model.edges);
};
const small = (violations: number, extraModule = false) =>
  overviewOf(resultOf([{ name: 'a' }, { name: 'b' }, ...(extraModule ? [{ name: 'c' }] : [])], [{ from: 'a', to: 'b', imports: 3, violations, declared: violations === 0 }]));

describe('webview: layout input', () => {
  it('keeps positions when only counts or violations change, re-lays out when modules change', () => {
    assert.equal(overviewKey(small(0)), overviewKey(small(2)));
    assert.notEqual(overviewKey(small(0)), overviewKey(small(0, true)));
  });

  it('lays out incrementally from previous positions when most boxes are known', () => {
    const previous = new Map([['a', { x: 10, y: 20, width: 100, height: 40 }], ['b', { x: 200, y: 20, width: 100, height: 40 }]]);
    const input = elkInput(small(0, true), 'RIGHT', previous);
    assert.equal(input.layoutOptions['elk.layered.layering.strategy'], 'INTERACTIVE');
    assert.deepEqual(input.children.map((c) => [c.id, c.x, c.y]), [['a', 10, 20], ['b', 200, 20], ['c', undefined, undefined]]);
    assert.equal(elkInput(small(0)).layoutOptions['elk.layered.layering.strategy'], undefined);
  });

  it('nests the boxes of an open group in its frame, laid out across frames', () => {
    const overview = overviewOf(syntheticResult(100, 4, 2_000), new Set(['layer3']));
    const input = elkInput(overview, 'DOWN');
    assert.equal(input.layoutOptions['elk.hierarchyHandling'], 'INCLUDE_CHILDREN');
    assert.equal(input.layoutOptions['elk.direction'], 'DOWN');
    const frame = input.children.find((c) => c.id === '\u0000layer3')!;
    assert.equal(frame.children!.length, 10);
    assert.ok(frame.children!.every((c) => c.id.startsWith('layer3/')));
    assert.equal(input.children.length, 10, 'nine collapsed groups and the frame');
  });

  it('thins dense graphs to the heaviest edges per box for the layout', () => {
    const result = syntheticResult(500, 12, 100_000);
    const everything = overviewOf(result, new Set(['layer0', 'layer1', 'layer2', 'layer3', 'layer4', 'layer5', 'layer6', 'layer7', 'layer8', 'layer9']));
    assert.ok(everything.edges.length > 5000, `synthetic graph has ${everything.edges.length} edges`);
    const kept = layoutEdges(everything);
    assert.ok(kept.length <= 3 * everything.items.length, `${kept.length} layout edges`);
    const sparse = overviewOf(syntheticResult(20, 1, 100));
    assert.equal(layoutEdges(sparse).length, sparse.edges.filter((e) => e.imports > 0).length);
  });

  it('sizes boxes by name and file count, and routes backward edges below the boxes', () => {
    assert.ok(nodeSize('a', 200).height > nodeSize('a', 1).height);
    assert.ok(nodeSize('a-very-long-module-name', 1).width > nodeSize('a', 1).width);
    assert.ok(groupSize('platform').height > nodeSize('platform', 1).height);
    const left = { x: 0, y: 0, width: 100, height: 40 };
    const right = { x: 300, y: 0, width: 100, height: 40 };
    assert.match(edgePath(left, right).d, /^M100,20 C/);
    assert.ok(edgePath(right, left).mid.y > 40);
  });
});
