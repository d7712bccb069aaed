// Loads a bundle (dist/typescript.js, dist/cli.js) as `require` would, with a V8 code cache kept per
// user. Compiling the 7 MB TypeScript chunk costs 0.15–0.3 s, most of a small check and of the
// language server's start; compiling the 0.4 MB CLI, 15–30 ms of every run. With the cache each
// is paid once per install and user.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { registerCompileCacheWrite } from './compile-cache-writes';
import { writeFileAtomic } from './io';
import { VERSION } from './version';

/** Set to 1 to compile the bundles from source on every run (no cache is read or written). */
export const NO_COMPILE_CACHE_ENV = 'BULKHEAD_NO_COMPILE_CACHE';

/**
 * Each build of a bundle (every release, every install of the CLI or the extension) writes a
 * cache of its own (8-9 MB for TypeScript): those not used for a month are removed when a new one
 * is written. A cache in use has its modification time moved forward at most once a day (below),
 * so two installs in use side by side keep theirs.
 */
const UNUSED_CACHE_MS = 30 * 24 * 60 * 60 * 1000;
const MARK_USED_EVERY_MS = 24 * 60 * 60 * 1000;

/** `file`'s exports; `name` names its caches (`<name>-<version>-….bin`). */
export function loadWithCodeCache<T>(file: string, name: string): T {
  const cacheFile = process.env[NO_COMPILE_CACHE_ENV] === '1' ? undefined : codeCacheFile(file, name);
  if (!cacheFile) return require(file) as T;
  try {
    const cached = readOwnFile(cacheFile);
    const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${fs.readFileSync(file, 'utf8')}\n})`, {
      filename: file,
      cachedData: cached,
      ...dynamicImportOption(),
    });
    const module = { exports: {} as T };
    (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, path.dirname(file));
    if (!cached || script.cachedDataRejected) {
      let written = false;
      const write = (): void => {
        if (written) return;
        written = true;
        try {
          writeFileAtomic(cacheFile, script.createCachedData());
          removeUnusedCaches(cacheFile, name);
        } catch {
          // A cache is an optimisation: a read-only or full disk only means the next run compiles again.
        }
      };
      // At exit, so that the functions this run compiled lazily are in the cache too; a long-lived
      // process writes it earlier (writeCompileCaches).
      process.once('exit', write);
      registerCompileCacheWrite(write);
    }
    return module.exports;
  } catch {
    return require(file) as T;
  }
}

/**
 * A per-user cache folder (never a shared temp folder: a code cache is code), named after
 * everything that must match for V8 to run it: this build of the bundle, Node's V8 and the CPU.
 */
function codeCacheFile(bundle: string, name: string): string | undefined {
  try {
    const dir = path.join(userCacheFolder(), 'bulkhead', 'compile-cache');
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!ownedByMe(fs.statSync(dir))) return undefined;
    const { size, mtimeMs } = fs.statSync(bundle);
    return path.join(dir, `${name}-${VERSION}-${size}-${Math.round(mtimeMs)}-v8-${process.versions.v8}-${process.arch}.bin`);
  } catch {
    return undefined;
  }
}

function userCacheFolder(): string {
  if (process.platform === 'win32') return process.env.LOCALAPPDATA ?? path.join(os.homedir(), 'AppData', 'Local');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Caches');
  return process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
}

function readOwnFile(file: string): Buffer | undefined {
  try {
    const stat = fs.statSync(file);
    if (!ownedByMe(stat)) return undefined;
    const bytes = fs.readFileSync(file);
    if (Date.now() - stat.mtimeMs > MARK_USED_EVERY_MS) markUsed(file);
    return bytes;
  } catch {
    return undefined;
  }
}

function markUsed(file: string): void {
  try {
    const now = new Date();
    fs.utimesSync(file, now, now);
  } catch {
    // A read-only cache folder: the cache is still used, and may be removed after a month.
  }
}

function removeUnusedCaches(kept: string, name: string): void {
  const dir = path.dirname(kept);
  for (const other of fs.readdirSync(dir)) {
    if (other === path.basename(kept) || !other.startsWith(`${name}-`) || !other.endsWith('.bin')) continue;
    try {
      const stat = fs.statSync(path.join(dir, other));
      if (stat.isFile() && ownedByMe(stat) && Date.now() - stat.mtimeMs > UNUSED_CACHE_MS) fs.rmSync(path.join(dir, other), { force: true });
    } catch {
      // Removed by another process meanwhile.
    }
  }
}

function ownedByMe(stat: fs.Stats): boolean {
  return typeof process.getuid !== 'function' || stat.uid === process.getuid();
}

/** `import()` inside the chunk behaves as in a required file (the option exists from Node 20.12 on). */
function dynamicImportOption(): { importModuleDynamically?: vm.ScriptOptions['importModuleDynamically'] } {
  const loader = (vm as unknown as { constants?: { USE_MAIN_CONTEXT_DEFAULT_LOADER?: symbol } }).constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER;
  return loader ? { importModuleDynamically: loader as unknown as vm.ScriptOptions['importModuleDynamically'] } : {};
}
