import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkWorkspace, type CheckResult } from '../../src/engine';
import { appendAmendment, readCacheFile, writeCacheFile, type OpenedCacheFile } from '../../src/engine/cache/cache-file';
import { readCacheParts } from '../support/cache-file-parts';
import { openSession } from '../support/open-session';
import { CACHED_WORKSPACE_FILES } from '../support/cached-workspace-files';
import { tempWorkspace } from '../support/temp-workspace';

const FILES = CACHED_WORKSPACE_FILES;

/** Files (and their folders) last changed a minute ago, so that size and mtime alone are trusted. */
function past(root: string, rels: readonly string[]): void {
  const old = new Date(Date.now() - 60_000);
  for (const rel of rels) fs.utimesSync(path.join(root, rel), old, old);
}

const sleep = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

const comparable = (r: CheckResult): string => JSON.stringify({ violations: r.violations, dependencies: r.dependencies, diagnostics: r.diagnostics });

function opened(file: string): OpenedCacheFile {
  const read = readCacheFile(file);
  assert.ok(read && typeof read !== 'string', `cache not readable: ${read}`);
  return read;
}

describe('fact cache amendments: a run that changed no facts appends to the file', () => {
  /**
   * Each test's workspace (`ws` in a temp folder that also holds its cache), made 2 s before the
   * tests start: a folder whose ctime (which cannot be set back) is more recent is listed again on
   * every walk, and so recorded again.
   */
  const workspaces: { root: string; cacheFile: string; dispose(): void }[] = [];
  before(() => {
    for (let i = 0; i < 4; i++) {
      const ws = tempWorkspace(Object.fromEntries(Object.entries(FILES).map(([rel, text]) => [`ws/${rel}`, text])));
      const root = path.join(ws.root, 'ws');
      past(root, Object.keys(FILES));
      workspaces.push({ root, cacheFile: path.join(ws.root, 'cache.json'), dispose: ws.dispose });
    }
    sleep(2_100);
  });
  after(() => {
    for (const ws of workspaces) ws.dispose();
  });
  const run = (root: string, cacheFile: string) => {
    const session = openSession({ root, cacheFile });
    return { stats: session.cacheStats!, result: session.result };
  };
  /** A comment appended: the text changes, the facts do not. */
  const touch = (root: string, rel: string, when: number): void => {
    fs.appendFileSync(path.join(root, rel), `// ${when}\n`);
    fs.utimesSync(path.join(root, rel), new Date(when), new Date(when));
  };

  it('records new stamps in place, and the next run trusts them', () => {
    const { root, cacheFile } = workspaces[0];
    run(root, cacheFile);
    const { ino, size } = fs.statSync(cacheFile);
    touch(root, 'src/a/more.ts', Date.now() - 30_000);
    const touched = run(root, cacheFile);
    assert.deepEqual([touched.stats.reusedResult, touched.stats.misses], [true, 1]);
    const after = fs.statSync(cacheFile);
    assert.equal(after.ino, ino, 'the file was appended to, not replaced');
    assert.ok(after.size > size);
    const amendments = readCacheParts(cacheFile).amendments.split('\n').filter(Boolean);
    assert.equal(amendments.length, 1);
    assert.match(amendments[0], /^[0-9a-f]{40}\{"base":"[0-9a-f]{40}","stamps":\{"src\/a\/more\.ts":\[\d+,[\d.]+,"[0-9a-f]{40}"\]\}\}$/);
    const again = run(root, cacheFile);
    assert.deepEqual([again.stats.reusedResult, again.stats.hits, again.stats.misses], [true, 3, 0]);
    assert.equal(fs.statSync(cacheFile).size, after.size, `nothing to record: ${readCacheParts(cacheFile).amendments}`);
    assert.equal(comparable(again.result), comparable(checkWorkspace({ root })));
    // The facts after the amendments are still read when a change needs them.
    fs.appendFileSync(path.join(root, 'src/a/more.ts'), "import { x } from '../b/internal';\nexport const y = x;\n");
    const changed = run(root, cacheFile);
    assert.deepEqual([changed.stats.hits, changed.stats.misses, changed.stats.rejected], [2, 1, undefined], JSON.stringify(changed.stats));
    assert.equal(comparable(changed.result), comparable(checkWorkspace({ root })));
    assert.notEqual(fs.statSync(cacheFile).ino, ino, 'new facts rewrite the file');
    assert.equal(readCacheParts(cacheFile).amendments, '');
  });

  it('skips a torn amendment (the files it restamped are read again) and does not run on from it', () => {
    const { root, cacheFile } = workspaces[1];
    const fresh = run(root, cacheFile).result;
    touch(root, 'src/a/more.ts', Date.now() - 30_000);
    run(root, cacheFile);
    // A writer killed halfway through its line.
    fs.truncateSync(cacheFile, fs.statSync(cacheFile).size - 10);
    const afterTear = run(root, cacheFile);
    assert.deepEqual([afterTear.stats.reusedResult, afterTear.stats.misses, afterTear.stats.rejected], [true, 1, undefined]);
    assert.equal(comparable(afterTear.result), comparable(fresh));
    // Its own amendment started on a new line, so it holds.
    const next = run(root, cacheFile);
    assert.deepEqual([next.stats.reusedResult, next.stats.misses], [true, 0]);
  });

  it('records a folder listed again for a file that is not source, so it is not listed on every run', () => {
    const { root, cacheFile } = workspaces[2];
    run(root, cacheFile);
    fs.writeFileSync(path.join(root, 'src/a/README.md'), '# a\n');
    // The walk that lists the folder again must start when its change is no longer recent.
    sleep(2_100);
    const size = fs.statSync(cacheFile).size;
    assert.equal(run(root, cacheFile).stats.reusedResult, true);
    const amendments = readCacheParts(cacheFile).amendments;
    assert.match(amendments, /"folders":\{"key":.*"src\/a":\{"stamp":/);
    assert.doesNotMatch(amendments, /"src\/b":/, 'only the folder that changed');
    const amended = fs.statSync(cacheFile).size;
    assert.ok(amended > size);
    assert.equal(run(root, cacheFile).stats.reusedResult, true);
    assert.equal(fs.statSync(cacheFile).size, amended, 'the folder was taken from the amendment');
  });

  it('rewrites the file once amendments take a good part of it', () => {
    const { root, cacheFile } = workspaces[3];
    run(root, cacheFile);
    // Lines no run wrote (their checksums do not fit) still count against the file.
    fs.appendFileSync(cacheFile, `${'0'.repeat(40)}{"junk":"${'x'.repeat(70_000)}"}\n`);
    const { ino } = fs.statSync(cacheFile);
    touch(root, 'src/a/more.ts', Date.now() - 30_000);
    assert.equal(run(root, cacheFile).stats.reusedResult, true);
    assert.notEqual(fs.statSync(cacheFile).ino, ino);
    assert.equal(readCacheParts(cacheFile).amendments, '');
    const again = run(root, cacheFile);
    assert.deepEqual([again.stats.reusedResult, again.stats.misses], [true, 0]);
  });
});

describe('fact cache file: amendments bound to the summary they amend', () => {
  it('ignores an amendment meant for another summary, and does not append to a file replaced since it was read', () => {
    const ws = tempWorkspace({});
    const file = path.join(ws.root, 'cache.json');
    try {
      writeCacheFile(file, '{"v":1}', '{}');
      const first = opened(file);
      assert.ok(appendAmendment(file, first, { stamps: { 'a.ts': [1, 2] } }));
      assert.deepEqual(opened(file).amendments, [{ base: first.checksum, stamps: { 'a.ts': [1, 2] } }]);
      const line = readCacheParts(file).amendments;

      writeCacheFile(file, '{"v":2}', '{}');
      assert.equal(appendAmendment(file, first, { stamps: {} }), false, 'another file now');
      fs.appendFileSync(file, line);
      const second = opened(file);
      assert.equal(second.amendmentBytes, line.length);
      assert.deepEqual(second.amendments, []);
      assert.equal(first.facts(), 'replaced since it was read');
      assert.deepEqual(second.facts(), { bytes: Buffer.from('{}'), checksum: JSON.parse(fs.readFileSync(file, 'utf8').split('\n')[0]).factsChecksum });
    } finally {
      ws.dispose();
    }
  });

  it('does not create a removed cache as a lone amendment', () => {
    const ws = tempWorkspace({});
    const file = path.join(ws.root, 'cache.json');
    try {
      writeCacheFile(file, '{}', '{}');
      const read = opened(file);
      fs.rmSync(file);
      assert.equal(appendAmendment(file, read, { stamps: {} }), false);
      assert.equal(fs.existsSync(file), false);
    } finally {
      ws.dispose();
    }
  });
});
