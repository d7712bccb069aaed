import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import fc from 'fast-check';
import { checkWorkspace } from '../../src/engine';
import type { ModuleCrossing } from '../../src/engine/analyze';
import { findModuleCycles } from '../../src/engine/analyze';
import { feedbackEdges, type WeightedEdge } from '../../src/engine/analyze/feedback-edges';
import { FIXTURES } from '../support/fixtures';

/** One import site per `from>to` (repeat an edge for more imports). */
function crossings(edges: string[]): ModuleCrossing[] {
  return edges.map((e, i) => {
    const [from, to] = e.split('>');
    const range = { start: { line: i + 1, column: 1 }, end: { line: i + 1, column: 5 } };
    return {
      file: `src/${from}/f.ts`, importIndex: i, targetFile: `src/${to}/index.ts`,
      fact: { specifier: `../${to}`, kind: 'import', typeOnly: false, range, names: [] },
      from: { name: from }, to: { name: to },
    } as unknown as ModuleCrossing;
  });
}

function isAcyclic(nodes: readonly string[], edges: readonly { from: string; to: string }[]): boolean {
  const indegree = new Map(nodes.map((n) => [n, 0]));
  for (const e of edges) indegree.set(e.to, indegree.get(e.to)! + 1);
  const queue = nodes.filter((n) => indegree.get(n) === 0);
  let seen = 0;
  for (let i = 0; i < queue.length; i++, seen++) {
    for (const e of edges) {
      if (e.from !== queue[i]) continue;
      indegree.set(e.to, indegree.get(e.to)! - 1);
      if (indegree.get(e.to) === 0) queue.push(e.to);
    }
  }
  return seen === nodes.length;
}

const summary = (edges: string[]): string[] =>
  findModuleCycles(crossings(edges)).cycles.map((c) => `${c.kind} ${c.loop.join('>')}${c.cut.length ? ` cut ${c.cut.map((x) => `${x.site.from.name}>${x.site.to.name}`).join(',')}` : ''}`);

describe('module cycles: every two-way pair, larger loops once per group with the edges to cut', () => {
  it('reports every pair of a triangle of modules that all import each other, and the triangle', () => {
    assert.deepEqual(summary(['a>b', 'b>a', 'a>c', 'c>a', 'b>c', 'c>b']), ['pair a>b', 'group b>a>c cut b>a,c>a,c>b', 'pair a>c', 'pair b>c']);
  });

  it('a pair whose modules each have another loop is still named (the shortest-loop-per-module scheme missed it)', () => {
    // a ⇄ b, and each of a and b has a shorter-or-equal loop with another module.
    const cycles = summary(['a>b', 'b>a', 'a>x', 'x>a', 'b>y', 'y>b']);
    assert.deepEqual(cycles, ['pair a>b', 'pair a>x', 'pair b>y'], 'pairs forming a tree: no group finding');
  });

  it('a one-way loop is one group finding cut at its lightest step; heavier steps are kept', () => {
    assert.deepEqual(summary(['a>b', 'a>b', 'b>c', 'b>c', 'c>a']), ['group c>a>b cut c>a']);
    assert.deepEqual(summary(['a>b', 'b>c', 'b>c', 'c>a', 'c>a']), ['group a>b>c cut a>b']);
  });

  it('marks group membership for every module of a group, and none outside', () => {
    const { groupOf } = findModuleCycles(crossings(['a>b', 'b>c', 'c>a', 'c>d', 'e>a']));
    assert.deepEqual([...groupOf.keys()].sort(), ['a', 'b', 'c']);
  });

  it('removing the cut leaves no loop, and every cut edge is needed (random graphs)', () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const edge = fc.tuple(fc.constantFrom(...names), fc.constantFrom(...names), fc.integer({ min: 1, max: 5 }));
    fc.assert(fc.property(fc.array(edge, { maxLength: 30 }), (raw) => {
      const weights = new Map<string, number>();
      for (const [from, to, w] of raw) if (from !== to) weights.set(`${from}>${to}`, w);
      const edges: WeightedEdge[] = [...weights].map(([k, weight]) => ({ from: k.split('>')[0], to: k.split('>')[1], weight }));
      const nodes = [...new Set(edges.flatMap((e) => [e.from, e.to]))];
      const cut = feedbackEdges(nodes, edges);
      const rest = edges.filter((e) => !cut.includes(e));
      assert.ok(isAcyclic(nodes, rest), 'the rest has no loop');
      for (const c of cut) assert.ok(!isAcyclic(nodes, [...rest, c]), `${c.from}>${c.to} is needed`);
    }), { numRuns: 300 });
  });

  it('stays bounded on a dense group of 300 modules (about 9,000 dependencies)', () => {
    const edges: string[] = [];
    const n = 300;
    for (let i = 0; i < n; i++) {
      for (let k = 1; k <= 30; k++) edges.push(`m${i}>m${(i * 7 + k * k) % n}`);
      edges.push(`m${i}>m${(i + 1) % n}`);
    }
    const { cycles, groupOf } = findModuleCycles(crossings(edges.filter((e) => e.split('>')[0] !== e.split('>')[1])));
    assert.equal(groupOf.size, n);
    const group = cycles.find((c) => c.kind === 'group');
    assert.ok(group && group.cut.length > 0 && group.loop.length >= 3);
  });
});

describe('module cycles in the result', () => {
  it('marks every dependency inside a strongly connected group inCycle, and none that only reaches one', () => {
    const root = path.join(FIXTURES, 'rule-cycle');
    const deps = checkWorkspace({ root }).dependencies;
    const marked = deps.filter((d) => d.inCycle).map((d) => `${d.from}>${d.to}`);
    assert.deepEqual(deps.filter((d) => !d.inCycle).map((d) => `${d.from}>${d.to}`), ['storefront>catalog']);
    // Including reviews ⇄ search, which the shortest-loop-per-module reporting never showed.
    assert.ok(marked.includes('reviews>search') && marked.includes('search>reviews'));
    assert.equal(marked.length, 11);
  });
});

describe('module cycles at scale', () => {
  it('a ring of 10,000 modules is one bounded finding, found without enumerating loops', () => {
    const n = 10_000;
    const ring = Array.from({ length: n }, (_, i) => `m${i}>m${(i + 1) % n}`);
    const { cycles } = findModuleCycles(crossings(ring));
    assert.equal(cycles.length, 1);
    assert.equal(cycles[0].loop.length, n);
    assert.equal(cycles[0].cut.length, 1);
  });
});
