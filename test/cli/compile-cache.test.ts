import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli, stable } from '../support/run-cli';

/** The bundled CLI keeps a V8 code cache of dist/typescript.js per user (src/engine/load-typescript-chunk.ts). */
describe('cli: compile cache of the TypeScript chunk', () => {
  let home: string;
  const cacheDir = (): string => path.join(home, 'bulkhead', 'compile-cache');
  const check = (env: NodeJS.ProcessEnv = {}) => runCli(['check', 'examples/shop'], undefined, { XDG_CACHE_HOME: home, ...env });
  const cacheFiles = (): string[] => (fs.existsSync(cacheDir()) ? fs.readdirSync(cacheDir()).filter((f) => f.endsWith('.bin')) : []);

  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'bulkhead-xdg-'));
  });
  afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

  it('is written by the first run, private to the user, and reused unchanged by the next', () => {
    const first = check();
    assert.equal(first.code, 1);
    const [file] = cacheFiles();
    assert.match(file, /^typescript-.+-v8-.+\.bin$/);
    assert.equal(fs.statSync(cacheDir()).mode & 0o777, 0o700);
    const written = fs.statSync(path.join(cacheDir(), file)).mtimeMs;
    const second = check();
    assert.equal(stable(second.stdout), stable(first.stdout));
    // Rewritten only when V8 rejects it.
    assert.equal(fs.statSync(path.join(cacheDir(), file)).mtimeMs, written);
  });

  it('is replaced when V8 rejects it, and the run is unaffected', () => {
    const first = check();
    const file = path.join(cacheDir(), cacheFiles()[0]);
    fs.writeFileSync(file, Buffer.from('not a code cache'.repeat(100)));
    const again = check();
    assert.equal(again.code, 1);
    assert.equal(stable(again.stdout), stable(first.stdout));
    assert.ok(fs.statSync(file).size > 1_000_000, 'a real cache was written back');
  });

  it('is neither read nor written with BULKHEAD_NO_COMPILE_CACHE=1', () => {
    const r = check({ BULKHEAD_NO_COMPILE_CACHE: '1' });
    assert.equal(r.code, 1);
    assert.deepEqual(cacheFiles(), []);
  });

  it("is not used from a folder another user owns", function () {
    if (process.getuid?.() !== 0) this.skip(); // only root can give a folder away
    fs.mkdirSync(cacheDir(), { recursive: true });
    fs.chownSync(cacheDir(), 65534, 65534);
    const r = check();
    assert.equal(r.code, 1);
    assert.deepEqual(cacheFiles(), []);
  });
});
