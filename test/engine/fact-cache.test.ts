import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkWorkspace, type CheckResult } from '../../src/engine';
import { writeFileAtomic } from '../../src/engine/io';
import { openSession } from '../support/open-session';
import { CACHED_WORKSPACE_FILES } from '../support/cached-workspace-files';
import { tempWorkspace } from '../support/temp-workspace';
import { readCacheParts, writeCacheParts } from '../support/cache-file-parts';
import { withoutTiming } from '../support/without-timing';

const FILES = CACHED_WORKSPACE_FILES;

/** Files written long before the cache, so size + mtime alone are trusted. */
function past(root: string, rels: readonly string[] = Object.keys(FILES)): void {
  const old = new Date(Date.now() - 60_000);
  for (const rel of rels) fs.utimesSync(path.join(root, rel), old, old);
}

describe('persistent fact cache', () => {
  const run = (root: string, cacheFile: string) => {
    const session = openSession({ root, cacheFile });
    const result = session.result;
    return { stats: session.cacheStats!, violations: result.violations.map((v) => `${v.rule} ${v.file}:${v.range.start.line}`), result };
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

  it('is written without flushing it to the disk (its checksums catch what a power cut leaves), unlike a user file', () => {
    const ws = tempWorkspace(FILES);
    const cacheFile = path.join(ws.root, 'node_modules/.cache/bulkhead/facts.json');
    const nodeFs = require('node:fs') as typeof fs;
    const fsync = nodeFs.fsyncSync;
    let flushes = 0;
    nodeFs.fsyncSync = (fd) => {
      flushes++;
      fsync(fd);
    };
    try {
      // Each of its three writes: filled, restamped (same facts), patched (new facts).
      past(ws.root);
      // By content: mtimes taken a few milliseconds apart can be equal (the kernel's coarse clock).
      const written = (): string => fs.readFileSync(cacheFile, 'utf8');
      run(ws.root, cacheFile);
      const filled = written();
      fs.appendFileSync(path.join(ws.root, 'src/a/more.ts'), '// touched\n');
      assert.equal(run(ws.root, cacheFile).stats.reusedResult, true);
      const restamped = written();
      fs.appendFileSync(path.join(ws.root, 'src/a/more.ts'), 'export const added = 1;\n');
      assert.equal(run(ws.root, cacheFile).stats.patched, 1);
      const patched = written();
      assert.ok(filled !== restamped && restamped !== patched);
      assert.equal(flushes, 0);
      writeFileAtomic(path.join(ws.root, 'bulkhead-baseline.json'), '{}');
      assert.equal(flushes, 1);
    } finally {
      nodeFs.fsyncSync = fsync;
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
      const { summary, facts } = readCacheParts(cacheFile);
      const header = good.slice(0, good.indexOf('\n'));
      const factsAt = good.indexOf('\n', header.length + 1) + 1;
      for (const [what, write] of [
        ['garbage', () => fs.writeFileSync(cacheFile, 'not json at all')],
        ['truncated', () => fs.writeFileSync(cacheFile, good.slice(0, good.length / 2))],
        ['truncated facts', () => fs.writeFileSync(cacheFile, good.slice(0, factsAt + 10))],
        ['edited summary', () => fs.writeFileSync(cacheFile, good.replace('"src/a/index.ts"', '"src/a/forged.ts"'))],
        ['a header whose lengths do not fit', () => fs.writeFileSync(cacheFile, good.replace(/"summaryBytes":\d+/, '"summaryBytes":3'))],
        ['foreign (checksums fitted)', () => writeCacheParts(cacheFile, summary.replace(/"tool":"[^"]*"/, '"tool":"0.0.0-other"'), facts)],
        ['empty', () => fs.writeFileSync(cacheFile, '')],
      ] as const) {
        write();
        const again = run(ws.root, cacheFile);
        assert.equal(again.stats.hits, 0, what);
        assert.ok(again.stats.rejected, what);
        assert.deepEqual(again.violations, cold.violations, what);
        assert.equal(run(ws.root, cacheFile).stats.hits, 3, `${what}: rebuilt`);
      }
      // Edited facts are only read when a file changed; then they must be rejected, not trusted.
      fs.writeFileSync(cacheFile, good.replace('"specifier":"../b/internal"', '"specifier":"../b/internax"'));
      // (A comment alone would not do: unchanged facts reuse the stored result without the facts line.)
      fs.appendFileSync(path.join(ws.root, 'src/a/more.ts'), 'export const changed = 1;\n');
      const edited = run(ws.root, cacheFile);
      assert.equal(edited.stats.rejected, 'checksum mismatch (corrupt or edited)');
      assert.deepEqual(edited.violations, cold.violations);
    } finally {
      ws.dispose();
    }
  });

  it('does not trust size and mtime alone for files changed right around the cache write', () => {
    const ws = tempWorkspace(FILES);
    const cacheFile = path.join(ws.root, 'cache.json');
    try {
      // Whole seconds, so that restoring the mtime below restores it exactly.
      const file = path.join(ws.root, 'src/b/internal.ts');
      const mtime = new Date(Math.floor(Date.now() / 1000) * 1000);
      fs.utimesSync(file, mtime, mtime);
      run(ws.root, cacheFile);
      fs.writeFileSync(file, 'export const z = 1;\n'); // same size, same mtime restored below
      fs.utimesSync(file, mtime, mtime);
      const again = run(ws.root, cacheFile);
      assert.equal(again.stats.misses >= 1, true);
    } finally {
      ws.dispose();
    }
  });

  describe('reusing the last result when nothing changed', () => {

    it('answers from the stored result, and builds the index only when asked for more', () => {
      const ws = tempWorkspace(FILES);
      const cacheFile = path.join(ws.root, 'cache.json');
      try {
        past(ws.root);
        const cold = run(ws.root, cacheFile);
        assert.equal(cold.stats.reusedResult, undefined);
        const session = openSession({ root: ws.root, cacheFile });
        const warm = session.result;
        assert.equal(session.cacheStats!.reusedResult, true);
        assert.deepEqual(withoutTiming(warm), withoutTiming(cold.result));
        // Later calls need the per-file index, which the reuse skipped.
        assert.deepEqual(session.fileEdges().map((e) => `${e.from} -> ${e.to}`).sort(), ['src/a/index.ts -> src/b/internal.ts', 'src/a/more.ts -> src/a/index.ts']);
        assert.deepEqual(withoutTiming(session.analyze()), withoutTiming(cold.result));
        session.updateFile(path.join(ws.root, 'src/a/index.ts'), 'export const a = 1;\n');
        assert.deepEqual(session.analyze().violations, []);
      } finally {
        ws.dispose();
      }
    });

    it('does not reuse it after any change the result depends on', () => {
      const changes: [string, (root: string) => void][] = [
        ['an edited file', (root) => fs.appendFileSync(path.join(root, 'src/b/internal.ts'), 'export const y = 2;\n')],
        ['an added file', (root) => fs.writeFileSync(path.join(root, 'src/b/extra.ts'), 'export {};\n')],
        ['a removed file', (root) => fs.rmSync(path.join(root, 'src/a/more.ts'))],
        ['a changed config', (root) => fs.writeFileSync(path.join(root, 'bulkhead.json'), JSON.stringify({ modules: [{ name: 'a', path: 'src/a', dependsOn: ['b'] }, { name: 'b', path: 'src/b' }] }))],
        ['a changed tsconfig', (root) => fs.writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { moduleResolution: 'node10' } }))],
        ['a new Prisma schema', (root) => fs.writeFileSync(path.join(root, 'schema.prisma'), 'model Invoice {\n  id Int @id\n}\n')],
        ['a module folder created empty', (root) => fs.writeFileSync(path.join(root, 'bulkhead.json'), JSON.stringify({ modules: [{ name: 'a', path: 'src/a' }, { name: 'b', path: 'src/b' }, { name: 'c', path: 'src/c' }] }))],
      ];
      for (const [what, change] of changes) {
        const ws = tempWorkspace(FILES);
        const cacheFile = path.join(ws.root, 'cache.json');
        try {
          past(ws.root);
          run(ws.root, cacheFile);
          change(ws.root);
          const after = run(ws.root, cacheFile);
          assert.equal(after.stats.reusedResult, undefined, what);
          const fresh = checkWorkspace({ root: ws.root });
          assert.deepEqual(withoutTiming(after.result), withoutTiming(fresh), what);
        } finally {
          ws.dispose();
        }
      }
    });

    it('does not reuse it for a same-size edit that kept the mtime, right after the cache was written', () => {
      const ws = tempWorkspace(FILES);
      const cacheFile = path.join(ws.root, 'cache.json');
      try {
        const file = path.join(ws.root, 'src/a/index.ts');
        const mtime = new Date(Math.floor(Date.now() / 1000) * 1000);
        fs.utimesSync(file, mtime, mtime);
        run(ws.root, cacheFile);
        assert.equal(fs.statSync(file).mtimeMs, mtime.getTime());
        fs.writeFileSync(file, "import { x } from '../b/internal';\nexport const A = x;\n");
        fs.utimesSync(file, mtime, mtime);
        assert.equal(fs.statSync(file).mtimeMs, mtime.getTime());
        const after = run(ws.root, cacheFile);
        assert.equal(after.stats.reusedResult, undefined);
        assert.ok(after.stats.misses >= 1);
      } finally {
        ws.dispose();
      }
    });

    it('does not reuse it for the same files under another root', () => {
      const ws = tempWorkspace(FILES);
      const moved = tempWorkspace({});
      const cacheFile = path.join(ws.root, 'cache.json');
      try {
        past(ws.root);
        run(ws.root, cacheFile);
        fs.cpSync(ws.root, moved.root, { recursive: true, preserveTimestamps: true });
        const after = run(moved.root, path.join(moved.root, 'cache.json'));
        assert.equal(after.stats.reusedResult, undefined);
        assert.equal(after.result.root, fs.realpathSync(moved.root));
      } finally {
        ws.dispose();
        moved.dispose();
      }
    });
  });
});

describe('persistent fact cache: changed text with unchanged facts', () => {
  const run = (root: string, cacheFile: string) => {
    const session = openSession({ root, cacheFile });
    return { stats: session.cacheStats!, result: session.result };
  };
  const comparable = (r: CheckResult): string => JSON.stringify({ violations: r.violations, dependencies: r.dependencies, diagnostics: r.diagnostics });
  const write = (root: string, rel: string, text: string, mtime: Date): void => {
    fs.writeFileSync(path.join(root, rel), text);
    fs.utimesSync(path.join(root, rel), mtime, mtime);
  };

  it('reuses the stored result when an edit leaves the facts as they were, and analyses when they change', () => {
    const ws = tempWorkspace(FILES);
    const cacheFile = path.join(ws.root, 'cache.json');
    try {
      past(ws.root);
      run(ws.root, cacheFile);
      // A comment after the imports and a body change: same facts, same ranges.
      write(ws.root, 'src/a/index.ts', "import { x } from '../b/internal';\nexport const a = x + 0; // tidy\n", new Date(Date.now() - 30_000));
      const edited = run(ws.root, cacheFile);
      assert.equal(edited.stats.reusedResult, true);
      assert.deepEqual([edited.stats.hits, edited.stats.misses], [2, 1]);
      assert.equal(comparable(edited.result), comparable(checkWorkspace({ root: ws.root })));
      // Its new stamp was recorded: the next run re-reads nothing.
      const again = run(ws.root, cacheFile);
      assert.deepEqual([again.stats.reusedResult, again.stats.hits, again.stats.misses], [true, 3, 0]);

      // The import moves one line down: a fact's range changed, so the analysis runs.
      write(ws.root, 'src/a/index.ts', "// moved\nimport { x } from '../b/internal';\nexport const a = x;\n", new Date(Date.now() - 20_000));
      const moved = run(ws.root, cacheFile);
      assert.equal(moved.stats.reusedResult, undefined);
      assert.equal(comparable(moved.result), comparable(checkWorkspace({ root: ws.root })));
      assert.equal(moved.result.violations[0].range.start.line, 2);

      // A new ignore comment changes no import but changes the answer.
      write(ws.root, 'src/a/index.ts', "// moved\n// bulkhead-ignore internal-import: migrating (JIRA-1)\nimport { x } from '../b/internal';\nexport const a = x;\n", new Date(Date.now() - 10_000));
      run(ws.root, cacheFile);
      write(ws.root, 'src/a/index.ts', "// moved\n// bulkhead-ignore internal-import: migrating (JIRA-2)\nimport { x } from '../b/internal';\nexport const a = x;\n", new Date(Date.now() - 5_000));
      const reason = run(ws.root, cacheFile);
      assert.equal(reason.stats.reusedResult, undefined, 'the ignore comment is part of the digest');
      assert.equal(comparable(reason.result), comparable(checkWorkspace({ root: ws.root })));
    } finally {
      ws.dispose();
    }
  });

  it('an edit that keeps size and mtime after a restamp is still seen (text hash)', () => {
    const ws = tempWorkspace(FILES);
    const cacheFile = path.join(ws.root, 'cache.json');
    try {
      past(ws.root);
      run(ws.root, cacheFile);
      const now = new Date();
      write(ws.root, 'src/a/index.ts', "import { x } from '../b/internal';\nexport const a = x; // 1\n", now);
      assert.equal(run(ws.root, cacheFile).stats.reusedResult, true);
      // Same size, same mtime, other import: only the text hash can tell.
      write(ws.root, 'src/a/index.ts', "import { x } from '../b/internxl';\nexport const a = x; // 1\n", now);
      const after = run(ws.root, cacheFile);
      assert.equal(comparable(after.result), comparable(checkWorkspace({ root: ws.root })));
      assert.ok(after.result.violations.some((v) => v.rule === 'unresolved-import'));
    } finally {
      ws.dispose();
    }
  });
});

describe('persistent fact cache: well-formed but wrong data', () => {
  /** Rewrites the cache with valid checksums, as an attacker or a buggy writer could. */
  const forge = (cacheFile: string, change: (summary: any, facts: any) => void): void => {
    const parts = readCacheParts(cacheFile);
    const summary = JSON.parse(parts.summary);
    const facts = JSON.parse(parts.facts);
    change(summary, facts);
    writeCacheParts(cacheFile, JSON.stringify(summary), JSON.stringify(facts));
  };

  it('ignores a stored result or file facts of the wrong shape, and gives the fresh answer', () => {
    const ws = tempWorkspace(FILES);
    const cacheFile = path.join(ws.root, 'cache.json');
    try {
      past(ws.root);
      const expected = JSON.stringify(checkWorkspace({ root: ws.root }).violations);
      checkWorkspace({ root: ws.root, cacheFile });
      forge(cacheFile, (summary) => { summary.result.violations = 5; });
      assert.equal(JSON.stringify(checkWorkspace({ root: ws.root, cacheFile }).violations), expected, 'a malformed stored result');
      forge(cacheFile, (summary, facts) => {
        delete summary.result;
        facts['src/a/index.ts'].data.facts.imports = 'import everything';
        facts['src/a/more.ts'].data.resolutions = [{ kind: 'file' }];
      });
      assert.equal(JSON.stringify(checkWorkspace({ root: ws.root, cacheFile }).violations), expected, 'malformed facts');
    } finally {
      ws.dispose();
    }
  });
});

describe('persistent fact cache: inputs outside the stamps (issue 18 item 1)', () => {
  const comparable = (r: CheckResult): string => JSON.stringify({ violations: r.violations, unresolved: r.unresolved, dependencies: r.dependencies });

  it('a tsconfig extends target outside the workspace and not named tsconfig*.json', () => {
    const tmp = tempWorkspace({
      'shared/base.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@b/*': ['../ws/src/b/*'] } } }),
      'ws/tsconfig.json': JSON.stringify({ extends: '../shared/base.json' }),
      'ws/bulkhead.json': JSON.stringify({ modules: [{ name: 'a', path: 'src/a' }, { name: 'b', path: 'src/b' }] }),
      'ws/src/a/index.ts': "import { x } from '@b/internal';\nexport const a = x;\n",
      'ws/src/b/internal.ts': 'export const x = 1;\n',
      'ws/src/b/other.ts': 'export const x = 2;\n',
    });
    const root = path.join(tmp.root, 'ws');
    const cacheFile = path.join(tmp.root, 'cache.json');
    try {
      past(tmp.root, ['shared/base.json', 'ws/tsconfig.json', 'ws/src/a/index.ts', 'ws/src/b/internal.ts', 'ws/src/b/other.ts']);
      checkWorkspace({ root, cacheFile });
      // The alias now points nowhere: the import is unresolved.
      fs.writeFileSync(path.join(tmp.root, 'shared/base.json'), JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@b/*': ['../ws/src/nowhere/*'] } } }));
      past(tmp.root, ['shared/base.json']);
      const warm = checkWorkspace({ root, cacheFile });
      assert.equal(comparable(warm), comparable(checkWorkspace({ root })));
      assert.ok(warm.violations.some((v) => v.rule === 'unresolved-import'));
    } finally {
      tmp.dispose();
    }
  });

  it('an imported file that the scan excludes is deleted', () => {
    const ws = tempWorkspace({
      'bulkhead.json': JSON.stringify({ ignore: ['src/b/generated/**'], modules: [{ name: 'a', path: 'src/a' }, { name: 'b', path: 'src/b' }] }),
      'src/a/index.ts': "import { g } from '../b/generated/api';\nexport const a = g;\n",
      'src/b/generated/api.ts': 'export const g = 1;\n',
    });
    const cacheFile = path.join(ws.root, 'cache.json');
    try {
      past(ws.root, ['bulkhead.json', 'src/a/index.ts', 'src/b/generated/api.ts']);
      checkWorkspace({ root: ws.root, cacheFile });
      fs.rmSync(path.join(ws.root, 'src/b/generated/api.ts'));
      const warm = checkWorkspace({ root: ws.root, cacheFile });
      assert.equal(comparable(warm), comparable(checkWorkspace({ root: ws.root })));
      assert.ok(warm.violations.some((v) => v.rule === 'unresolved-import'));
    } finally {
      ws.dispose();
    }
  });

  it('workspace packages imported by name before install: reused, until one is installed', () => {
    const files = {
      'package.json': JSON.stringify({ name: 'mono', private: true, workspaces: ['packages/*'] }),
      'bulkhead.json': JSON.stringify({ modules: [{ name: 'app', path: 'packages/app', dependsOn: ['lib'] }, { name: 'lib', path: 'packages/lib', public: ['src/index.ts'] }] }),
      'packages/app/package.json': JSON.stringify({ name: '@m/app' }),
      'packages/app/src/main.ts': "import { x } from '@m/lib';\nexport const a = x;\n",
      'packages/lib/package.json': JSON.stringify({ name: '@m/lib', main: 'src/index.ts' }),
      'packages/lib/src/index.ts': 'export const x = 1;\n',
    };
    const ws = tempWorkspace(files);
    const cacheFile = path.join(ws.root, 'cache.json');
    try {
      past(ws.root, Object.keys(files));
      const cold = openSession({ root: ws.root, cacheFile }).result;
      assert.deepEqual(cold.violations, []);
      // The virtual node_modules/@m/lib path resolution read must not count as a missing input.
      assert.equal(openSession({ root: ws.root, cacheFile }).cacheStats?.reusedResult, true);
      // Installed as another copy whose entry reaches into an internal file: answers change.
      fs.mkdirSync(path.join(ws.root, 'node_modules/@m/lib/src'), { recursive: true });
      fs.writeFileSync(path.join(ws.root, 'node_modules/@m/lib/package.json'), JSON.stringify({ name: '@m/lib', main: 'missing.js' }));
      const warm = openSession({ root: ws.root, cacheFile });
      assert.notEqual(warm.cacheStats?.reusedResult, true);
      assert.equal(comparable(warm.result), comparable(checkWorkspace({ root: ws.root })));
    } finally {
      ws.dispose();
    }
  });

  it('a same-size edit that keeps an mtime in the future (a skewed clock)', () => {
    const ws = tempWorkspace(FILES);
    const cacheFile = path.join(ws.root, 'cache.json');
    const future = new Date(Date.now() + 3_600_000);
    const write = (text: string): void => {
      fs.writeFileSync(path.join(ws.root, 'src/a/more.ts'), text);
      fs.utimesSync(path.join(ws.root, 'src/a/more.ts'), future, future);
    };
    try {
      past(ws.root, Object.keys(FILES));
      write("import { a } from './index';\nexport const more = a;\n");
      checkWorkspace({ root: ws.root, cacheFile });
      write("import { x } from '../b/intern';\nexport const more = x;\n".slice(0, 52).padEnd(52, ' '));
      assert.equal(comparable(checkWorkspace({ root: ws.root, cacheFile })), comparable(checkWorkspace({ root: ws.root })));
    } finally {
      ws.dispose();
    }
  });
});
