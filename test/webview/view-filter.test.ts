import * as assert from 'node:assert/strict';
import { toGraphModel } from '../../src/protocol/graph-to-model';
import { hiddenMatcher, NO_FILTER, visibleGraph } from '../../src/webview/logic/view-filter';
import { resultOf } from './support/synthetic-result';

// app → orders → billing → shared, app → users, orders ⇢ users (violation)
const model = toGraphModel(
  resultOf(
    ['app', 'orders', 'billing', 'shared', 'users', 'platform/files', 'platform/net'].map((name) => ({ name })),
    [
      { from: 'app', to: 'orders' },
      { from: 'orders', to: 'billing' },
      { from: 'billing', to: 'shared' },
      { from: 'app', to: 'users' },
      { from: 'orders', to: 'users', declared: false, violations: 2 },
      { from: 'platform/net', to: 'platform/files' },
    ],
  ),
);
const sorted = (s: Set<string>) => [...s].sort();
const edges = (s: Set<string>) => [...s].map((id) => id.replace('\u0000', '>')).sort();

describe('webview: filters', () => {
  it('shows everything without a filter', () => {
    const v = visibleGraph(model, NO_FILTER);
    assert.equal(v.nodes.size, 7);
    assert.equal(v.edges.size, 6);
    assert.equal(v.matches.size, 0);
  });

  it('only violations: the violating edges and their two ends', () => {
    const v = visibleGraph(model, { ...NO_FILTER, onlyViolations: true });
    assert.deepEqual(sorted(v.nodes), ['orders', 'users']);
    assert.deepEqual(edges(v.edges), ['orders>users']);
  });

  it('neighbourhood of n hops follows edges both ways', () => {
    assert.deepEqual(sorted(visibleGraph(model, { ...NO_FILTER, focus: 'billing', hops: 1 }).nodes), ['billing', 'orders', 'shared']);
    assert.deepEqual(sorted(visibleGraph(model, { ...NO_FILTER, focus: 'billing', hops: 2 }).nodes), ['app', 'billing', 'orders', 'shared', 'users']);
    assert.deepEqual(sorted(visibleGraph(model, { ...NO_FILTER, focus: 'billing', hops: 0 }).nodes), ['billing']);
    // An unknown focus leaves the graph as it is rather than emptying it while the user types.
    assert.equal(visibleGraph(model, { ...NO_FILTER, focus: 'bill', hops: 1 }).nodes.size, 7);
  });

  it('hides modules by name or glob, with their edges', () => {
    const v = visibleGraph(model, { ...NO_FILTER, hidden: ['users', 'platform/*'] });
    assert.deepEqual(sorted(v.nodes), ['app', 'billing', 'orders', 'shared']);
    assert.deepEqual(edges(v.edges), ['app>orders', 'billing>shared', 'orders>billing']);
    assert.equal(hiddenMatcher(['platform/*'])('platform/files/deep'), false);
    assert.equal(hiddenMatcher(['platform/**'])('platform/files/deep'), true);
    assert.equal(hiddenMatcher(['a.b'])('axb'), false);
  });

  it('search marks matches case-insensitively without hiding anything', () => {
    const v = visibleGraph(model, { ...NO_FILTER, search: 'PLAT' });
    assert.deepEqual(sorted(v.matches), ['platform/files', 'platform/net']);
    assert.equal(v.nodes.size, 7);
  });

  it('combines filters: violations within a neighbourhood keep the focused module', () => {
    const v = visibleGraph(model, { ...NO_FILTER, focus: 'app', hops: 1, onlyViolations: true });
    assert.deepEqual(sorted(v.nodes), ['app', 'orders', 'users']);
    assert.deepEqual(edges(v.edges), ['orders>users']);
    const billing = visibleGraph(model, { ...NO_FILTER, focus: 'billing', hops: 1, onlyViolations: true });
    assert.deepEqual(sorted(billing.nodes), ['billing']);
  });
});
