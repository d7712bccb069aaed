import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli, stable } from '../support/run-cli';

/** The bundled CLI keeps V8 code caches of dist/typescript.js and dist/cli.js per user (src/engine/load-with-code-cache.ts). */
describe('cli: compile caches of the TypeScript chunk and the CLI', () => {
  let home: string;
  const cacheDir = (): string => path.join(home, 'bulkhead', 'compile-cache');
  const check = (env: NodeJS.ProcessEnv = {}) => runCli(['check', 'examples/shop'], undefined, { XDG_CACHE_HOME: home, ...env });
  const allCacheFiles = (): string[] => (fs.existsSync(cacheDir()) ? fs.readdirSync(cacheDir()).filter((f) => f.endsWith('.bin')).sort() : []);
  const cacheFiles = (): string[] => allCacheFiles().filter((f) => f.startsWith('typescript-'));

  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'bulkhead-xdg-'));
  });
  afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

  it('is written by the first run, private to the user, and reused unchanged by the next', () => {
    const first = check();
    assert.equal(first.code, 1);
    const [cli, file] = allCacheFiles();
    assert.match(file, /^typescript-.+-v8-.+\.bin$/);
    assert.match(cli, /^cli-.+-v8-.+\.bin$/);
    const cliWritten = fs.statSync(path.join(cacheDir(), cli)).mtimeMs;
    assert.equal(fs.statSync(cacheDir()).mode & 0o777, 0o700);
    const written = fs.statSync(path.join(cacheDir(), file)).mtimeMs;
    const second = check();
    assert.equal(stable(second.stdout), stable(first.stdout));
    // Rewritten only when V8 rejects it.
    assert.equal(fs.statSync(path.join(cacheDir(), file)).mtimeMs, written);
    assert.equal(fs.statSync(path.join(cacheDir(), cli)).mtimeMs, cliWritten);
  });

  it('is replaced when V8 rejects it, and the run is unaffected', () => {
    const first = check();
    const [cli, file] = allCacheFiles().map((f) => path.join(cacheDir(), f));
    for (const f of [cli, file]) fs.writeFileSync(f, Buffer.from('not a code cache'.repeat(100)));
    const again = check();
    assert.equal(again.code, 1);
    assert.equal(stable(again.stdout), stable(first.stdout));
    assert.ok(fs.statSync(file).size > 1_000_000, 'a real cache was written back');
    assert.ok(fs.statSync(cli).size > 100_000, "the CLI's cache was written back");
  });

  it("removes other builds' caches unused for a month when it writes its own, and keeps a used one marked as used", () => {
    fs.mkdirSync(cacheDir(), { recursive: true });
    const daysAgo = (days: number): Date => new Date(Date.now() - days * 24 * 60 * 60 * 1000);
    const other = (name: string, days: number): string => {
      const file = path.join(cacheDir(), name);
      fs.writeFileSync(file, 'an older build');
      fs.utimesSync(file, daysAgo(days), daysAgo(days));
      return file;
    };
    const stale = other('typescript-0.0.1-123-456-v8-1-x64.bin', 40);
    const recent = other('typescript-0.0.2-123-456-v8-1-x64.bin', 10);
    const unrelated = other('notes.txt', 400);
    const staleCli = other('cli-0.0.1-123-456-v8-1-x64.bin', 40);
    check();
    assert.equal(fs.existsSync(stale), false);
    assert.equal(fs.existsSync(staleCli), false);
    assert.equal(fs.existsSync(recent), true);
    assert.equal(fs.existsSync(unrelated), true);
    const own = path.join(cacheDir(), cacheFiles().find((f) => !f.startsWith('typescript-0.0.'))!);
    // In use three days later: its time moves forward, so another build's write does not remove it.
    fs.utimesSync(own, daysAgo(3), daysAgo(3));
    check();
    assert.ok(Date.now() - fs.statSync(own).mtimeMs < 60_000);
  });

  it('is neither read nor written with BULKHEAD_NO_COMPILE_CACHE=1', () => {
    const r = check({ BULKHEAD_NO_COMPILE_CACHE: '1' });
    assert.equal(r.code, 1);
    assert.deepEqual(allCacheFiles(), []);
  });

  it("is not used from a folder another user owns", function () {
    if (process.getuid?.() !== 0) this.skip(); // only root can give a folder away
    fs.mkdirSync(cacheDir(), { recursive: true });
    fs.chownSync(cacheDir(), 65534, 65534);
    const r = check();
    assert.equal(r.code, 1);
    assert.deepEqual(allCacheFiles(), []);
  });
});
