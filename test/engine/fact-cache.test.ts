import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { WorkspaceSession } from '../../src/engine';
import { tempWorkspace } from '../support/temp-workspace';

const FILES = {
  'bulkhead.json': JSON.stringify({ modules: [{ name: 'a', path: 'src/a' }, { name: 'b', path: 'src/b' }] }),
  'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, moduleResolution: 'bundler', module: 'esnext' } }),
  'src/a/index.ts': "import { x } from '../b/internal';\nexport const a = x;\n",
  'src/a/more.ts': "import { a } from './index';\nexport const more = a;\n",
  'src/b/internal.ts': 'export const x = 1;\n',
};

describe('persistent fact cache', () => {
  const run = (root: string, cacheFile: string) => {
    const session = new WorkspaceSession({ root, cacheFile });
    const result = session.check();
    return { stats: session.cacheStats!, violations: result.violations.map((v) => `${v.rule} ${v.file}:${v.range.start.line}`), result };
  };
  const past = (root: string): void => {
    // Files written long before the cache, so size + mtime alone are trusted.
    const old = new Date(Date.now() - 60_000);
    for (const rel of Object.keys(FILES)) fs.utimesSync(path.join(root, rel), old, old);
  };

  it('reuses unchanged files, re-reads changed ones, and gives the same result', () => {
    const ws = tempWorkspace(FILES);
    const cacheFile = path.join(ws.root, 'node_modules/.cache/bulkhead/facts.json');
    try {
      past(ws.root);
      const cold = run(ws.root, cacheFile);
      assert.deepEqual([cold.stats.hits, cold.stats.misses], [0, 3]);
      const warm = run(ws.root, cacheFile);
      assert.deepEqual([warm.stats.hits, warm.stats.misses], [3, 0]);
      assert.deepEqual(warm.violations, cold.violations);

      fs.writeFileSync(path.join(ws.root, 'src/a/index.ts'), "// moved\nimport { x } from '../b/internal';\nexport const a = x;\n");
      const edited = run(ws.root, cacheFile);
      assert.deepEqual([edited.stats.hits, edited.stats.misses], [2, 1]);
      assert.deepEqual(edited.violations, ['internal-import src/a/index.ts:2', 'undeclared-dependency src/a/index.ts:2']);
    } finally {
      ws.dispose();
    }
  });

  it('re-resolves cached facts when the resolution environment changes', () => {
    const ws = tempWorkspace(FILES);
    const cacheFile = path.join(ws.root, 'cache.json');
    try {
      past(ws.root);
      run(ws.root, cacheFile);
      fs.writeFileSync(path.join(ws.root, 'src/b/index.ts'), 'export const y = 2;\n');
      fs.writeFileSync(path.join(ws.root, 'src/a/more.ts'), "import { y } from '../b';\nexport const more = y;\n");
      const after = run(ws.root, cacheFile);
      assert.deepEqual(after.violations, [
        'internal-import src/a/index.ts:1',
        'undeclared-dependency src/a/index.ts:1',
        'undeclared-dependency src/a/more.ts:1',
      ]);
    } finally {
      ws.dispose();
    }
  });

  it('detects a corrupt, truncated or foreign cache and rebuilds it', () => {
    const ws = tempWorkspace(FILES);
    const cacheFile = path.join(ws.root, 'cache.json');
    try {
      past(ws.root);
      const cold = run(ws.root, cacheFile);
      const good = fs.readFileSync(cacheFile, 'utf8');
      const tampered = good.replace('"x"', '"forged"');
      for (const [what, text] of [['garbage', 'not json at all'], ['truncated', good.slice(0, good.length / 2)], ['edited', tampered], ['empty', '']]) {
        fs.writeFileSync(cacheFile, text);
        const again = run(ws.root, cacheFile);
        assert.equal(again.stats.hits, 0, what);
        assert.ok(again.stats.rejected || what === 'empty', what);
        assert.deepEqual(again.violations, cold.violations, what);
        assert.equal(run(ws.root, cacheFile).stats.hits, 3, `${what}: rebuilt`);
      }
    } finally {
      ws.dispose();
    }
  });

  it('does not trust size and mtime alone for files changed right around the cache write', () => {
    const ws = tempWorkspace(FILES);
    const cacheFile = path.join(ws.root, 'cache.json');
    try {
      run(ws.root, cacheFile);
      const file = path.join(ws.root, 'src/b/internal.ts');
      const { mtime } = fs.statSync(file);
      fs.writeFileSync(file, 'export const z = 1;\n'); // same size, same mtime restored below
      fs.utimesSync(file, mtime, mtime);
      const again = run(ws.root, cacheFile);
      assert.equal(again.stats.misses >= 1, true);
    } finally {
      ws.dispose();
    }
  });
});
