import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { checkWorkspace } from '../../src/engine';
import { openSession } from '../support/open-session';
import { compactResult, FIXTURES, fixturesWith, readExpectation, REPO_ROOT, sortC } from '../support/fixtures';

describe('fixtures: violations and config diagnostics equal expected.txt', () => {
  for (const name of fixturesWith('expected.txt')) {
    it(name, () => {
      const root = path.join(FIXTURES, name);
      const result = checkWorkspace({ root });
      assert.deepEqual(compactResult(result), sortC(readExpectation(path.join(root, 'expected.txt'))));
    });
  }
  it('examples/shop', () => {
    const root = path.join(REPO_ROOT, 'examples/shop');
    const result = checkWorkspace({ root });
    assert.deepEqual(compactResult(result), sortC(readExpectation(path.join(root, 'expected.txt'))));
  });
});

describe('fixtures: resolved import edges equal expected-edges.txt', () => {
  for (const name of fixturesWith('expected-edges.txt')) {
    it(name, () => {
      const root = path.join(FIXTURES, name);
      const session = openSession({ root });
      const edges = [...new Set(session.fileEdges().map((e) => `${e.from} -> ${e.to}`))];
      assert.deepEqual(sortC(edges), sortC(readExpectation(path.join(root, 'expected-edges.txt'))));
    });
  }
});
