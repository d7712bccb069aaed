import * as assert from 'node:assert/strict';
import { toGraphModel } from '../../src/protocol/graph-to-model';
import { layerEdgePaths, layersLayout, layerUnits, LAYER_SIZES, UNIT_KEY } from '../../src/webview/logic/layers-layout';
import { NO_FILTER, visibleGraph } from '../../src/webview/logic/view-filter';
import { resultOf, syntheticResult } from './support/synthetic-result';

// app → a → b → c → a (c → a the cheapest: the cut), c → base; lonely depends on nothing.
const model = toGraphModel(
  resultOf(
    ['app', 'a', 'b', 'c', 'base', 'lonely'].map((name) => ({ name })),
    [
      { from: 'app', to: 'a', imports: 2 },
      { from: 'a', to: 'b', imports: 5, inCycle: true },
      { from: 'b', to: 'c', imports: 5, inCycle: true },
      { from: 'c', to: 'a', imports: 1, inCycle: true, declared: false, violations: 1 },
      { from: 'c', to: 'base', imports: 3 },
      { from: 'app', to: 'lonely', imports: 0 },
    ],
  ),
);
const roomy = { width: 1000, height: 700, toggles: new Map<string, boolean>(), legiblePx: 11 };

describe('webview: layersLayout (modules in rows by dependency level)', () => {
  it('puts each module in its level, highest on top, a cycle side by side in the layering order', () => {
    const layout = layersLayout(model, visibleGraph(model, NO_FILTER), roomy);
    const rows = new Map<number, string[]>();
    for (const i of layout.items) (rows.get(i.box.y) ?? rows.set(i.box.y, []).get(i.box.y)!).push(`${i.key}@${i.level}`);
    assert.deepEqual([...rows.entries()].sort((p, q) => p[0] - q[0]).map(([, r]) => r), [['app@2'], ['c@1', 'b@1', 'a@1'], ['base@0', 'lonely@0']]);
    assert.deepEqual(layout.frames.map((f) => f.unit.modules.map((m) => m.id)), [['c', 'b', 'a']]);
    assert.deepEqual(layout.bands.map((b) => b.level), [2, 1, 0]);
    assert.equal(layout.collapsed.size, 0);
    assert.equal(layout.fitScale, 1.5);
  });

  it('classifies edges: down between levels, red inside the cycle, the cycle rule cut dashed; unused ones left out', () => {
    const layout = layersLayout(model, visibleGraph(model, NO_FILTER), roomy);
    assert.deepEqual(layout.edges.map((e) => `${e.from}>${e.to}:${e.kind}`).sort(), ['a>b:cycle', 'app>a:down', 'b>c:cycle', 'c>a:cut', 'c>base:down']);
    assert.deepEqual(model.layering?.cut, ['c\u0000a']);
  });

  it('collapses the largest units while labels would be under the legible size at Fit, and keeps what the user opened', () => {
    const big = toGraphModel(syntheticResult(500, 12, 100_000));
    const visible = visibleGraph(big, NO_FILTER);
    const layout = layersLayout(big, visible, { width: 950, height: 740, toggles: new Map(), legiblePx: 11 });
    assert.ok(layout.fitScale * LAYER_SIZES.font >= 11, String(layout.fitScale));
    assert.ok(layout.collapsed.size > 0);
    const drawn = layout.items.filter((i) => i.kind === 'module').length + layout.items.filter((i) => i.kind === 'unit').reduce((n, i) => n + i.unit!.modules.length, 0);
    assert.equal(drawn, 500, 'every module is drawn or inside a collapsed box');
    // Edges between collapsed boxes sum their members.
    const summed = layout.edges.filter((e) => e.members.length > 1);
    assert.ok(summed.length > 0);
    assert.ok(summed.every((e) => e.imports === e.members.reduce((n, m) => n + m.imports, 0)));
    const opened = [...layout.collapsed][0];
    const again = layersLayout(big, visible, { width: 950, height: 740, toggles: new Map([[opened, true]]), legiblePx: 11 });
    assert.ok(!again.collapsed.has(opened));
    assert.equal(again.items.find((i) => i.key === UNIT_KEY + opened)?.kind, 'head', 'an opened unit has a head box to close it with');
  });

  it('keeps the filter: hidden modules are not drawn', () => {
    const visible = visibleGraph(model, { ...NO_FILTER, hidden: ['b'] });
    const layout = layersLayout(model, visible, roomy);
    assert.deepEqual(layout.items.map((i) => i.key).sort(), ['a', 'app', 'base', 'c', 'lonely']);
    assert.ok(layout.edges.every((e) => e.from !== 'b' && e.to !== 'b'));
    assert.deepEqual(layerUnits(model, visible).map((u) => u.id), ['2:group:', '1:cycle:c', '0:group:']);
  });

  it('spreads edge ends along a box and arcs edges of one row over (right) or under (left) it', () => {
    const boxes = new Map([
      ['x', { x: 0, y: 0, width: 100, height: 26 }],
      ['y', { x: 0, y: 100, width: 100, height: 26 }],
      ['z', { x: 200, y: 100, width: 100, height: 26 }],
    ]);
    const edge = (from: string, to: string) => ({ key: `${from}>${to}`, from, to, imports: 1, violations: 0, declared: true, inCycle: false, kind: 'down' as const, cuts: 0, members: [] });
    const paths = layerEdgePaths([edge('x', 'y'), edge('x', 'z'), edge('y', 'z'), edge('z', 'y')], boxes);
    assert.match(paths.get('x>y')!.d, /^M33\.3,26 /, 'the left one of two ends on the bottom side');
    assert.match(paths.get('x>z')!.d, /^M66\.7,26 /);
    assert.match(paths.get('y>z')!.d, /^M66\.7,100 C66\.7,6[\d.]+ /, 'rightwards: from the top, right of the end of x → y, arcing up');
    assert.match(paths.get('z>y')!.d, /^M250,126 /, 'leftwards: from the bottom');
  });
});
