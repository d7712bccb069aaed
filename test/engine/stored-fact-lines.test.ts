import * as assert from 'node:assert/strict';
import { factsText, StoredFactLines } from '../../src/engine/cache/stored-fact-lines';

describe('cache facts: one entry per line, replaced in place', () => {
  // Names a prefix test could confuse: one is the start of another, quotes, a colon, a line break.
  const entries: Record<string, unknown> = {
    'src/a.ts': { n: 1 },
    'src/a.ts.bak.ts': { n: 2 },
    'src/"quoted":x.ts': { n: 3, text: 'line\nbreak' },
    'src/line\nbreak.ts': { n: 4 },
    'src/ünï.ts': { n: 5 },
  };

  it('is the JSON of the entries', () => {
    assert.deepEqual(JSON.parse(factsText(entries)), entries);
    assert.deepEqual(JSON.parse(factsText({})), {});
  });

  it('replaces exactly the named entries and copies the rest', () => {
    const bytes = Buffer.from(factsText(entries));
    for (const key of Object.keys(entries)) {
      const replaced = new StoredFactLines(bytes).replaced(new Map([[key, { n: 'new' }]]));
      assert.ok(replaced, key);
      assert.deepEqual(JSON.parse(replaced.toString('utf8')), { ...entries, [key]: { n: 'new' } });
    }
    const both = new StoredFactLines(bytes).replaced(new Map<string, unknown>([['src/a.ts', 'first'], ['src/ünï.ts', 'last']]));
    assert.deepEqual(JSON.parse(both!.toString('utf8')), { ...entries, 'src/a.ts': 'first', 'src/ünï.ts': 'last' });
  });

  it('says when an entry is not there', () => {
    assert.equal(new StoredFactLines(Buffer.from(factsText(entries))).replaced(new Map([['src/b.ts', 1]])), undefined);
  });
});

describe('cache facts: read one entry at a time', () => {
  const entries: Record<string, unknown> = {
    'src/a.ts': { resolutions: [{ kind: 'file', file: 'src/b.ts' }], reExports: [] },
    'src/"b".ts': { resolutions: [{ kind: 'file', file: 'src/a.ts' }], reExports: [{ exported: 'x' }], note: '"file":"src/b.ts"' },
    'src/c.ts': { resolutions: [{ kind: 'file', file: 'src/b.ts' }, { kind: 'file', file: 'src/a.ts' }], reExports: [] },
  };
  const lines = new StoredFactLines(Buffer.from(factsText(entries)));

  it('reads each entry by name, and nothing for a missing one', () => {
    assert.deepEqual(lines.keys(), Object.keys(entries));
    for (const [key, value] of Object.entries(entries)) assert.deepEqual(lines.value(key), value);
    assert.equal(lines.value('src/d.ts'), undefined);
  });

  it('names the entries whose line holds a text, never one inside a string value', () => {
    assert.deepEqual([...lines.containing('"file":"src/b.ts"')].sort(), ['src/a.ts', 'src/c.ts']);
    assert.deepEqual([...lines.containing('"reExports":[', (b) => b !== 0x5d)], ['src/"b".ts']);
    assert.deepEqual([...lines.containing('"file":"src/none.ts"')], []);
  });
});
