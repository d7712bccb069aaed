/**
 * Grouping a monorepo whose packages share one npm scope (medusa: 63 of 92 modules are
 * `@medusajs/…`): the scope would make one box of most of the map, so the modules are grouped by
 * their folders instead, and the scope is no level of the overview's tree.
 */
import * as assert from 'node:assert/strict';
import { groupModules } from '../../src/protocol/graph-groups';
import type { GraphNode } from '../../src/protocol/graph-model';
import { buildGroupTree } from '../../src/webview/logic/group-tree';

const scoped = [
  ...Array.from({ length: 24 }, (_, i) => ({ name: `@shop/module-${i}`, roots: [`packages/modules/module-${i}`], tags: [] })),
  ...Array.from({ length: 12 }, (_, i) => ({ name: `@shop/core-${i}`, roots: [`packages/core/core-${i}`], tags: [] })),
  ...Array.from({ length: 10 }, (_, i) => ({ name: `docs-${i}`, roots: [`www/packages/docs-${i}`], tags: [] })),
];

describe('webview: grouping a monorepo under one npm scope', () => {
  it('passes over the scope (36 of 46 modules in one group) for the folders', () => {
    const { groups, groupOf } = groupModules(scoped, []);
    assert.deepEqual(groups.map((g) => [g.id, g.kind]).sort(), [['packages/core', 'folder'], ['packages/modules', 'folder'], ['www/packages', 'folder']]);
    assert.equal(groupOf.get('@shop/module-3'), 'packages/modules');
  });

  it('keeps name prefixes that split the map (no group past 30 modules and half of them)', () => {
    const twoScopes = scoped.map((m) => ({ ...m, name: m.name.replace('@shop/core', '@util/core') }));
    assert.deepEqual(groupModules(twoScopes, []).groups.map((g) => [g.id, g.kind]).sort(), [['@shop', 'prefix'], ['@util', 'prefix']]);
  });

  it('the overview tree has the folder groups on top and no "@shop" level inside them', () => {
    const { groups, groupOf } = groupModules(scoped, []);
    const nodes = scoped.map((m) => ({ id: m.name, group: groupOf.get(m.name), fileCount: 1, roots: m.roots, tags: [], dependsOn: [], violations: 0, inCycle: false }) satisfies GraphNode);
    const tree = buildGroupTree({ groups }, nodes);
    assert.deepEqual([...tree.top.groups].sort(), ['packages/core', 'packages/modules', 'www/packages']);
    assert.equal(tree.groups.get('packages/modules')?.modules.length, 24);
    assert.equal(tree.groupOf.get('@shop/module-3'), 'packages/modules');
  });
});
