import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { checkWorkspace, diffResults } from '../../src/engine';
import { markChanges } from '../../src/protocol/graph-changes';
import type { GraphImportSite, GraphModel } from '../../src/protocol/graph-model';
import { toGraphModel } from '../../src/protocol/graph-to-model';
import { packGraphModel, unpackGraphModel, WIRE_FORMAT, type WireGraphModel } from '../../src/protocol/graph-wire';
import { REPO_ROOT } from '../support/fixtures';
import { resultOf, syntheticResult } from './support/synthetic-result';

/** Through JSON as on the wire: what arrives is what was packed, nothing more. */
const roundTrip = (model: GraphModel): GraphModel => unpackGraphModel(JSON.parse(JSON.stringify(packGraphModel(model))) as WireGraphModel);
/** The model as plain JSON would have sent it (no undefined fields). */
const asJson = (model: GraphModel): GraphModel => JSON.parse(JSON.stringify(model)) as GraphModel;

describe('webview: the graph model on the wire (packed edges and import sites)', () => {
  it('gives back the example shop model as built, edge ids included', () => {
    const model = toGraphModel(checkWorkspace({ root: path.join(REPO_ROOT, 'examples/shop') }));
    assert.deepEqual(roundTrip(model), asJson(model));
  });

  it('keeps every edge flag and change, and import sites with rules, severities, caps and omissions', () => {
    const before = resultOf([{ name: 'a' }, { name: 'b' }, { name: 'c' }], [{ from: 'a', to: 'b', imports: 2 }, { from: 'c', to: 'a', imports: 1 }]);
    const today = resultOf(
      [{ name: 'a', dependsOn: ['b'] }, { name: 'b' }, { name: 'c' }],
      [{ from: 'a', to: 'b', imports: 3, inCycle: true }, { from: 'b', to: 'a', imports: 1, violations: 1, declared: false, inCycle: true }],
    );
    const model = toGraphModel(today);
    markChanges(model, diffResults(before, today, { ref: 'main', commit: 'abc' }));
    assert.deepEqual(model.edges.map((e) => e.change ?? '-'), ['-', 'added', 'removed']);
    const site = (file: string, line: number, extra: Partial<GraphImportSite> = {}): GraphImportSite => ({ file, line, column: 1, specifier: '../a', typeOnly: false, viaReExport: false, ...extra });
    model.sites = {
      [model.edges[1].id]: { sites: [site('b/x.ts', 3, { rules: ['internal-import', 'undeclared-dependency'], severity: 'error' }), site('b/y.ts', 9, { typeOnly: true, rules: ['cycle'], severity: 'warn' })], total: 5 },
      [model.edges[0].id]: { sites: [site('a/x.ts', 1, { viaReExport: true, specifier: '@acme/b' }), site('b/x.ts', 7)], total: 2 },
      [model.edges[2].id]: { sites: [], total: 1, omitted: true },
    };
    assert.deepEqual(roundTrip(model), asJson(model));
  });

  it('sends a 500-module map in a fifth of its JSON as objects', () => {
    const model = toGraphModel(syntheticResult(500, 12, 100_000));
    const plain = JSON.stringify(model).length;
    const packed = JSON.stringify(packGraphModel(model)).length;
    assert.ok(packed * 4 < plain, `${packed} of ${plain} bytes`);
    assert.deepEqual(roundTrip(model), asJson(model));
  });

  it('refuses what it cannot read, saying what is wrong', () => {
    const wire = packGraphModel(toGraphModel(resultOf([{ name: 'a' }, { name: 'b' }], [{ from: 'a', to: 'b', imports: 1 }])));
    assert.equal(wire.format, WIRE_FORMAT);
    assert.throws(() => unpackGraphModel({ ...wire, format: 'bulkhead-graph/1' } as unknown as WireGraphModel), /not a Bulkhead graph model of format bulkhead-graph\/2/);
    assert.throws(() => unpackGraphModel({ ...wire, edges: [0, 7, 1, 0, 0] }), /an edge names module 7 of 2/);
    assert.throws(() => unpackGraphModel({ ...wire, edges: [0, 1, 1] }), /malformed nodes or edges/);
    const sites = { files: ['a.ts'], specifiers: ['b'], ruleSets: [[]], edges: [{ edge: 0, total: 1, sites: [0, 1, 1, 3, 0, 0] }] };
    assert.throws(() => unpackGraphModel({ ...wire, sites }), /an import site names specifier 3 of 1/);
    assert.throws(() => unpackGraphModel({ ...wire, sites: { ...sites, edges: [{ edge: 4, total: 1, sites: [] }] } }), /names edge 4 of 1/);
    assert.throws(() => packGraphModel({ ...unpackGraphModel(wire), nodes: [] }), /a → b names a module the graph does not have/);
  });
});
