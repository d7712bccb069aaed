import * as assert from 'node:assert/strict';
import { toGraphModel } from '../../src/protocol/graph-to-model';
import { ancestors, buildGroupTree, membersOf } from '../../src/webview/logic/group-tree';
import { collapse, defaultExpanded, groupKey, MAX_VISIBLE } from '../../src/webview/logic/overview';
import { resultOf, syntheticResult } from './support/synthetic-result';

const NAMES = ['platform/files/common', 'platform/files/node', 'platform/log/common', 'platform/log/browser', 'base/common', 'base/node', 'editor/core', 'editor/contrib/find', 'app'];
const model = toGraphModel(
  resultOf(
    NAMES.map((name) => ({ name, fileCount: 2 })),
    [
      { from: 'editor/core', to: 'platform/files/common', imports: 3 },
      { from: 'editor/contrib/find', to: 'platform/log/common', imports: 2, declared: false, violations: 2 },
      { from: 'platform/files/node', to: 'base/node', imports: 5, inCycle: true },
      { from: 'base/node', to: 'platform/files/node', imports: 1, inCycle: true },
      { from: 'platform/files/node', to: 'platform/files/common', imports: 4 },
      { from: 'app', to: 'editor/core', imports: 1 },
    ],
    [{ sourceModule: 'editor/contrib/find', targetModule: 'platform/log/common' }, { sourceModule: 'editor/contrib/find', targetModule: 'platform/log/common' }],
  ),
);
const tree = buildGroupTree(model, model.nodes);
const keys = (o: { items: { key: string }[] }) => o.items.map((i) => i.key.replace('\u0000', 'group:')).sort();

describe('webview: grouped overview', () => {
  it('groups modules by their name prefixes; a group of one module is that module', () => {
    assert.deepEqual([...tree.groups.keys()].sort(), ['base', 'editor', 'platform', 'platform/files', 'platform/log']);
    assert.deepEqual(tree.top.modules, ['app']);
    assert.deepEqual(tree.groups.get('editor')!.modules, ['editor/contrib/find', 'editor/core'], 'editor/contrib holds one module: not a group');
    assert.deepEqual(ancestors(tree, 'platform/log/browser'), ['platform', 'platform/log']);
    assert.equal(tree.groups.get('platform')!.size, 4);
    assert.deepEqual(membersOf(tree, 'platform').sort(), NAMES.filter((n) => n.startsWith('platform/')).sort());
  });

  it('merges a group holding only one group into it', () => {
    const deep = toGraphModel(resultOf(['vs/platform/a/x', 'vs/platform/a/y', 'vs/platform/b/z', 'vs/platform/b/w', 'vs/base/q'].map((name) => ({ name })), []));
    const t = buildGroupTree(deep, deep.nodes);
    assert.deepEqual(t.top.groups, ['vs']);
    assert.deepEqual(t.groups.get('vs')!.groups, ['vs/platform']);
    assert.equal(t.groups.get('vs/platform')!.label, 'platform');
    const only = toGraphModel(resultOf(['a/b/x', 'a/b/y', 'c'].map((name) => ({ name })), []));
    const merged = buildGroupTree(only, only.nodes);
    assert.deepEqual(merged.top.groups, ['a/b']);
    assert.equal(merged.groups.get('a/b')!.label, 'a/b');
  });

  it('puts tag and layer groups above the name prefixes, without repeating a layer named like the prefix', () => {
    const synthetic = toGraphModel(syntheticResult(100, 4, 2_000));
    const t = buildGroupTree(synthetic, synthetic.nodes);
    assert.equal(t.top.groups.length, 10);
    assert.deepEqual(t.top.groups.slice(0, 1), [synthetic.groups[0].id], 'in the model groups’ order');
    assert.equal(t.groups.get('layer0')!.modules.length, 10);
    const tagged = toGraphModel(resultOf([{ name: 'orders/api', tags: ['business'] }, { name: 'orders/db', tags: ['business'] }, { name: 'billing', tags: ['business'] }, { name: 'shared', tags: ['kernel'] }, { name: 'log', tags: ['kernel'] }], []));
    const tt = buildGroupTree(tagged, tagged.nodes);
    assert.deepEqual(tt.top.groups, ['business', 'kernel']);
    assert.deepEqual(tt.groups.get('business')!.groups, ['business/orders']);
  });

  it('opens everything when it fits, else the cheapest groups while at most 30 boxes are drawn', () => {
    assert.deepEqual([...defaultExpanded(tree)].sort(), [...tree.groups.keys()].sort());
    const opened = defaultExpanded(tree, 5);
    // Top: app, base, editor, platform = 4 boxes; base or editor adds one each, platform two; of
    // equal costs the group that uses the other (earlier in the layer order) opens.
    assert.deepEqual([...opened], ['editor']);
    for (const size of [100, 500]) {
      const big = toGraphModel(syntheticResult(size, 4, 2_000));
      const t = buildGroupTree(big, big.nodes);
      const o = collapse(t, defaultExpanded(t), big.nodes, big.edges);
      assert.ok(o.items.length <= MAX_VISIBLE, `${size} modules: ${o.items.length} boxes`);
      assert.ok(o.items.length >= 10, `${size} modules: ${o.items.length} boxes`);
    }
  });

  it('sums edges between drawn boxes: imports added, red when any inside violates, marked when inside a cycle', () => {
    const o = collapse(tree, new Set(), model.nodes, model.edges);
    assert.deepEqual(keys(o), ['app', 'group:base', 'group:editor', 'group:platform']);
    const edge = (from: string, to: string) => o.edges.find((e) => e.from === from && e.to === to);
    const editorPlatform = edge(groupKey('editor'), groupKey('platform'))!;
    assert.deepEqual([editorPlatform.imports, editorPlatform.violations, editorPlatform.declared, editorPlatform.members.length], [5, 2, false, 2]);
    assert.equal(edge(groupKey('platform'), groupKey('base'))!.inCycle, true);
    assert.equal(edge(groupKey('base'), groupKey('platform'))!.imports, 1);
    assert.equal(edge('app', groupKey('editor'))!.imports, 1);
    assert.equal(o.edges.length, 4, 'platform/files/node → platform/files/common is inside platform: not drawn');
    const platform = o.items.find((i) => i.id === 'platform')!;
    assert.deepEqual(platform.group, { modules: 4, files: 8, violations: 0, inCycle: true });
    assert.equal(o.items.find((i) => i.id === 'editor')!.group!.violations, 2);
  });

  it('draws an open group as a frame around its boxes; module edges keep their ids', () => {
    const o = collapse(tree, new Set(['platform', 'platform/files']), model.nodes, model.edges);
    assert.deepEqual(o.frames.map((f) => [f.id, f.parent]), [['platform', undefined], ['platform/files', groupKey('platform')]]);
    assert.deepEqual(keys(o), ['app', 'group:base', 'group:editor', 'group:platform/log', 'platform/files/common', 'platform/files/node']);
    assert.equal(o.items.find((i) => i.key === 'platform/files/node')!.parent, groupKey('platform/files'));
    const inner = o.edges.find((e) => e.from === 'platform/files/node' && e.to === 'platform/files/common')!;
    assert.equal(inner.key, 'platform/files/node\u0000platform/files/common');
  });

  it('collapses only what a filter keeps: groups of hidden modules vanish', () => {
    const kept = model.nodes.filter((n) => n.id.startsWith('editor/') || n.id === 'platform/log/common');
    const t = buildGroupTree(model, kept);
    const o = collapse(t, defaultExpanded(t), kept, model.edges.filter((e) => kept.some((n) => n.id === e.from) && kept.some((n) => n.id === e.to)));
    assert.deepEqual(keys(o), ['editor/contrib/find', 'editor/core', 'platform/log/common']);
    assert.deepEqual(o.edges.map((e) => e.key), ['editor/contrib/find\u0000platform/log/common']);
  });
});
