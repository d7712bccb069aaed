import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { checkWorkspace } from '../../src/engine';
import { parseConfigText } from '../../src/engine/config/load-config';
import { rebaseConfigPaths } from '../../src/engine/config/rebase-config';
import { findSourceFiles, sourceFileFilter } from '../../src/engine/discover/find-source-files';
import { FIXTURES } from '../support/fixtures';
import { tempWorkspace } from '../support/temp-workspace';

const root = path.join(FIXTURES, 'ignore-negated');
const ALL = [
  'packages/core/src/common/logger.ts', 'packages/core/src/index.ts', 'packages/core/src/test/mock-logger.ts',
  'packages/debug/src/debug-session.ts', 'packages/debug/src/index.ts', 'packages/debug/src/test/debug-session.spec.ts',
  'packages/test/src/browser/test-service.ts', 'packages/test/src/browser/test-tree.ts', 'packages/test/src/index.ts', 'packages/test/src/test/test-service.spec.ts',
];
const found = (ignore: string[]) => findSourceFiles(root, { ignore }).files;

describe('engine: "!" entries in ignore take back what earlier entries left out (as in .gitignore)', () => {
  it('the last entry matching a path decides', () => {
    assert.deepEqual(found([]), ALL);
    assert.deepEqual(found(['**/test/**']), ALL.filter((f) => !f.includes('/test/')), 'packages/test is gone with every test folder');
    assert.deepEqual(found(['**/test/**', '!packages/test/**']), ALL.filter((f) => !f.includes('/test/') || f.startsWith('packages/test/')));
    assert.deepEqual(found(['**/test/**', '!packages/test/**', 'packages/*/src/test/**']), ALL.filter((f) => !f.includes('/src/test/') && (!f.includes('/test/') || f.startsWith('packages/test/'))));
    assert.deepEqual(found(['!packages/test/**', '**/test/**']), found(['**/test/**']), 'a negation before the entry it should take back does nothing');
  });

  it('walks into an ignored folder when a later "!" entry could match something in it', () => {
    assert.deepEqual(found(['**/test/**', '!packages/core/src/test/mock-logger.ts']), [...found(['**/test/**']), 'packages/core/src/test/mock-logger.ts'].sort());
    assert.deepEqual(found(['packages/core/**', '!packages/core/src/index.ts', 'packages/core/src/*.ts']), ALL.filter((f) => !f.startsWith('packages/core/')), 'a later plain entry wins again');
  });

  it("the editor's filter for new files agrees with the walk", () => {
    for (const ignore of [['**/test/**', '!packages/test/**', 'packages/*/src/test/**'], ['**/test/**', '!packages/core/src/test/mock-logger.ts']]) {
      const keep = sourceFileFilter(root, { ignore });
      assert.deepEqual(ALL.filter(keep), found(ignore), ignore.join(' '));
    }
  });

  it('checks the fixture: debug reaching into the taken-back test package is reported, the tests left out are not', () => {
    const result = checkWorkspace({ root });
    assert.equal(result.summary.files, 7);
    assert.deepEqual(result.violations.map((v) => `${v.rule} ${v.file}`), ['internal-import packages/debug/src/debug-session.ts']);
  });

  it('reports a bare "!" and a "!" entry with nothing before it to take back, at their position', () => {
    const loaded = parseConfigText('{\n  "ignore": ["!packages/test/**", "**/test/**", "!"],\n  "modules": []\n}\n', 'bulkhead.json');
    const found = loaded.diagnostics.filter((d) => d.code === 'invalid-glob').map((d) => `${d.severity} ${d.range.start.line}:${d.range.start.column} ${d.message}`);
    assert.deepEqual(found, [
      'warning 2:14 ignore[0] takes back "packages/test/**", but no entry before it leaves anything out: a "!" entry only re-includes what earlier entries ignore.',
      'error 2:49 ignore[2] is "!", which names no files: write the glob to take back after the "!" (e.g. "!packages/test/**").',
    ]);
  });

  it('keeps the "!" in front when a config elsewhere is rebased to the root', () => {
    const ws = tempWorkspace({ 'config/bulkhead.json': '{ "modules": [] }' });
    try {
      const rebased = rebaseConfigPaths({ ignore: ['../**/test/**', '!../packages/test/**'], modules: [], constraints: [], acceptedCycles: [] }, ws.root, path.join(ws.root, 'config/bulkhead.json'));
      assert.deepEqual(rebased.ignore, ['**/test/**', '!packages/test/**']);
    } finally {
      ws.dispose();
    }
  });
});
