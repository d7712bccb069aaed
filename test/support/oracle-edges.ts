import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { readExpectation, sortC } from './fixtures';

/**
 * A fixture's documented differences from an oracle: `+ edge  # why` lines are edges only Bulkhead
 * finds, `- edge  # why` edges only the oracle finds. A missing file documents none.
 */
export function documentedDifferences(file: string): { plus: string[]; minus: string[] } {
  const lines = fs.existsSync(file) ? readExpectation(file) : [];
  const edge = (l: string): string => l.slice(1).replace(/#.*$/, '').trim();
  return { plus: lines.filter((l) => l.startsWith('+')).map(edge), minus: lines.filter((l) => l.startsWith('-')).map(edge) };
}

/**
 * Our edges equal the oracle's once the documented differences are applied, and each documented
 * difference still is one. Returns how many edges agreed and how many differences were documented.
 */
export function assertAgreesWithOracle(ours: ReadonlySet<string>, oracle: Iterable<string>, differencesFile: string): { agreeing: number; documented: number } {
  const theirs = new Set(oracle);
  const agreeing = [...ours].filter((e) => theirs.has(e)).length;
  const { plus, minus } = documentedDifferences(differencesFile);
  for (const e of plus) {
    assert.ok(ours.has(e) && !theirs.has(e), `documented "+ ${e}" no longer differs`);
    theirs.add(e);
  }
  for (const e of minus) {
    assert.ok(theirs.has(e) && !ours.has(e), `documented "- ${e}" no longer differs`);
    theirs.delete(e);
  }
  assert.deepEqual(sortC([...ours]), sortC([...theirs]));
  return { agreeing, documented: plus.length + minus.length };
}
