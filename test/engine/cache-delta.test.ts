import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkWorkspace, openWorkspace, type CacheStats, type CheckResult } from '../../src/engine';
import { readCacheParts, writeCacheParts } from '../support/cache-file-parts';
import { eachFixtureEdit } from '../support/fixture-edits';
import { tempWorkspace } from '../support/temp-workspace';
import { withoutTiming } from '../support/without-timing';

/**
 * `--cache` after a few files' facts changed brings the stored result up to date by analysing only
 * the files whose findings can differ (check/analysis-delta.ts). Whatever path it takes, its answer
 * must be exactly a fresh check's, and the cache it writes must answer the next run the same way.
 */
const comparable = (r: CheckResult): string => JSON.stringify(withoutTiming(r));

function cachedRun(root: string, cacheFile: string): { result: CheckResult; stats: CacheStats } {
  const session = openWorkspace({ root, cacheFile });
  assert.ok(session.configured);
  return { result: session.result, stats: session.cacheStats! };
}

/** Checks with the cache, compares with a fresh check, and returns how the cached run got there. */
function expectFresh(root: string, cacheFile: string, what: string): CacheStats {
  const { result, stats } = cachedRun(root, cacheFile);
  assert.equal(comparable(result), comparable(checkWorkspace({ root })), `${what}: the cached answer differs from a fresh check (${JSON.stringify(stats)})`);
  return stats;
}

describe('cache: a changed file brings the stored result up to date', () => {
  const files: Record<string, string> = {
    'bulkhead.json': JSON.stringify({
      modules: [
        { name: 'a', path: 'src/a', dependsOn: ['b'] },
        { name: 'b', path: 'src/b', dependsOn: ['c'] },
        { name: 'c', path: 'src/c' },
        { name: 'd', path: 'src/d', dependsOn: ['e'] },
        { name: 'e', path: 'src/e', dependsOn: ['d'] },
      ],
    }),
    'src/a/index.ts': "import { fromB, fromC, later } from '../b';\nexport const a = fromB + fromC + later;\n",
    'src/a/leaf.ts': "import { a } from './index';\nimport { internal } from '../b/internal';\nimport { soon } from '../b';\nexport const leaf = a + internal + soon;\n",
    'src/b/index.ts': "export { fromB } from './internal';\nexport * from '../c/thing';\nexport { later as soon } from '../c';\n",
    'src/b/internal.ts': 'export const fromB = 1;\nexport const internal = 2;\n',
    'src/c/thing.ts': 'export const fromC = 2;\nexport const other = 3;\n',
    'src/c/index.ts': "export * from './thing';\n",
    'src/d/index.ts': "import { e } from '../e';\nexport const d = e;\n",
    'src/e/index.ts': "import { d } from '../d';\nexport const e = 1;\nexport const e2 = d;\n",
  };

  const cases: { name: string; file: string; text: string; patched: true | RegExp }[] = [
    { name: 'a new export', file: 'src/c/thing.ts', text: 'export const fromC = 2;\nexport const other = 3;\nexport const more = 4;\n', patched: true },
    { name: 'an import moves down a line', file: 'src/a/leaf.ts', text: "// leaf\nimport { a } from './index';\nimport { internal } from '../b/internal';\nexport const leaf = a + internal;\n", patched: true },
    { name: 'an internal import goes public', file: 'src/a/leaf.ts', text: "import { a } from './index';\nimport { fromB } from '../b';\nexport const leaf = a + fromB;\n", patched: true },
    { name: 'an import no longer resolves (a → b stays through index.ts)', file: 'src/a/leaf.ts', text: "import { a } from './index';\nimport { gone } from '../b/gone';\nexport const leaf = a + gone;\n", patched: true },
    // b → c and a → c (through b's re-exports) go; neither is in a cycle
    { name: 'a barrel drops a re-export', file: 'src/b/index.ts', text: "export { fromB } from './internal';\n", patched: true },
    { name: 'a barrel re-exports under a new name', file: 'src/b/index.ts', text: "export { fromB } from './internal';\nexport { fromC } from '../c/thing';\nexport * from '../c/thing';\n", patched: true },
    // src/a/leaf.ts imports it as \`soon\`, renamed by src/b/index.ts: it is analysed again too.
    { name: 'a name a barrel renames appears', file: 'src/c/thing.ts', text: 'export const fromC = 2;\nexport const other = 3;\nexport const later = 4;\n', patched: true },
    { name: 'a new module dependency', file: 'src/c/thing.ts', text: "import { d } from '../d';\nexport const fromC = d;\nexport const other = 3;\n", patched: true },
    // c → a while a reaches c (a → b → c): the cycle findings change
    { name: 'a new module dependency that closes a cycle', file: 'src/c/thing.ts', text: "import { a } from '../a';\nexport const fromC = a;\nexport const other = 3;\n", patched: /may close a module cycle/ },
    { name: 'an import inside a module cycle moves', file: 'src/d/index.ts', text: "\nimport { e } from '../e';\nexport const d = e;\n", patched: /inside a module cycle/ },
    { name: 'a file in a cycle changes elsewhere', file: 'src/e/index.ts', text: "import { d } from '../d';\nexport const e = 1;\nexport const e2 = d;\nexport const e3 = 3;\n", patched: true },
    { name: 'an ignore comment', file: 'src/a/leaf.ts', text: "import { a } from './index';\n// bulkhead-ignore internal-import -- migrating\nimport { internal } from '../b/internal';\nexport const leaf = a + internal;\n", patched: true },
    // Whether a cycle is silenced there (so whether the comment is used) only the whole workspace tells.
    { name: 'an ignore comment for cycles', file: 'src/a/leaf.ts', text: "// bulkhead-ignore cycle -- known\nimport { a } from './index';\nimport { internal } from '../b/internal';\nexport const leaf = a + internal;\n", patched: /ignore comment for cycle/ },
  ];

  for (const c of cases) {
    it(`${c.name}: ${c.patched === true ? 'patched' : `analysed again (${c.patched.source})`}, as a fresh check finds`, () => {
      const ws = tempWorkspace(files);
      const cacheFile = path.join(ws.root, 'cache.json');
      try {
        expectFresh(ws.root, cacheFile, 'cold');
        fs.writeFileSync(path.join(ws.root, c.file), c.text);
        const stats = expectFresh(ws.root, cacheFile, c.name);
        assert.equal(stats.misses, 1);
        if (c.patched === true) assert.ok(stats.patched !== undefined && stats.patched >= 1, JSON.stringify(stats));
        else assert.match(stats.reanalysed ?? '', c.patched);
        // The cache written by that run answers the next one, unchanged.
        assert.equal(expectFresh(ws.root, cacheFile, 'next run').reusedResult, true);
        fs.writeFileSync(path.join(ws.root, c.file), files[c.file]);
        expectFresh(ws.root, cacheFile, 'undone');
      } finally {
        ws.dispose();
      }
    });
  }

  it('a surface change analyses the importers of the names it changed through the barrels that lead to it, and no others', () => {
    const ws = tempWorkspace(files);
    const cacheFile = path.join(ws.root, 'cache.json');
    try {
      expectFresh(ws.root, cacheFile, 'cold');
      fs.writeFileSync(path.join(ws.root, 'src/c/thing.ts'), `${files['src/c/thing.ts']}export const x = 1;\n`);
      // thing.ts and the two barrels whose \`export *\` imports it; src/a/index.ts imports other names from one of them.
      assert.equal(expectFresh(ws.root, cacheFile, 'new export').patched, 3);
      fs.writeFileSync(path.join(ws.root, 'src/c/thing.ts'), `${files['src/c/thing.ts']}export const later = 1;\n`);
      // Now src/a/index.ts too, which imports \`later\` through src/b/index.ts, and src/a/leaf.ts,
      // which imports it as \`soon\`, the name src/b/index.ts re-exports it under.
      assert.equal(expectFresh(ws.root, cacheFile, 'an imported name appears').patched, 5);
    } finally {
      ws.dispose();
    }
  });
});

describe('cache: stored facts that cannot be used for a patch', () => {
  const files = {
    'bulkhead.json': JSON.stringify({ modules: [{ name: 'a', path: 'src/a' }, { name: 'b', path: 'src/b' }] }),
    'src/a/index.ts': "import { x } from '../b/internal';\nexport const a = x;\n",
    'src/b/internal.ts': 'export const x = 1;\n',
  };
  /** Rewrites the cache's facts (one entry per line) and its checksums, as a hand edit would. */
  const forgeLine = (cacheFile: string, rel: string, line: (entry: string) => string): void => {
    const { summary, facts } = readCacheParts(cacheFile);
    const key = `${JSON.stringify(rel)}:`;
    const edited = facts.split('\n').map((l) => (l.startsWith(key) ? `${key}${line(l.slice(key.length).replace(/,$/, ''))}${l.endsWith(',') ? ',' : ''}` : l)).join('\n');
    writeCacheParts(cacheFile, summary, edited);
  };

  for (const [what, line] of [
    ['an entry of the wrong shape', (entry: string) => JSON.stringify({ ...JSON.parse(entry), data: { facts: { imports: 'everything' } } })],
    ['an entry that is not JSON', () => '{"size":'],
  ] as const) {
    it(`${what}: the workspace is analysed again, as a fresh check finds`, () => {
      const ws = tempWorkspace(files);
      const cacheFile = path.join(ws.root, 'cache.json');
      try {
        expectFresh(ws.root, cacheFile, 'cold');
        forgeLine(cacheFile, 'src/a/index.ts', line);
        fs.writeFileSync(path.join(ws.root, 'src/a/index.ts'), `${files['src/a/index.ts']}export const more = 1;\n`);
        assert.match(expectFresh(ws.root, cacheFile, what).reanalysed ?? '', /stored facts cannot be read/);
      } finally {
        ws.dispose();
      }
    });
  }
});

/**
 * Differential: every fixture workspace, each of its first source files edited in several ways
 * and then restored, checked with the cache after each step and compared with a fresh check.
 */
describe('cache: patched results equal fresh checks on every fixture', function () {
  this.timeout(300_000);
  it('gives a fresh check\'s answer after every edit, and patches most of them', () => {
    let patched = 0;
    let steps = 0;
    const reasons = new Map<string, number>();
    const cacheFiles: string[] = [];
    let cacheFile = '';
    try {
      eachFixtureEdit((root) => {
        cacheFile = path.join(os.tmpdir(), `${path.basename(root)}.cache`);
        cacheFiles.push(cacheFile);
        return cachedRun(root, cacheFile).result;
      }, ({ fixture, file, abs, text, what }, root) => {
        fs.writeFileSync(abs, text);
        const stats = expectFresh(root, cacheFile, `${fixture} ${file}: ${what}`);
        steps++;
        if (stats.patched !== undefined) patched++;
        if (stats.reanalysed) reasons.set(stats.reanalysed, (reasons.get(stats.reanalysed) ?? 0) + 1);
      });
    } finally {
      for (const f of cacheFiles) fs.rmSync(f, { force: true });
    }
    // A delta path that is never taken would pass the comparisons above without testing anything.
    assert.ok(steps > 100, `only ${steps} edits were checked`);
    if (process.env.CACHE_DELTA_REPORT) console.log({ steps, patched, reasons });
    assert.ok(patched > steps / 3, `patched ${patched} of ${steps} edits; analysed again: ${JSON.stringify([...reasons])}`);
  });
});
