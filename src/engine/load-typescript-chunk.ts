// What `ts-morph` means inside the bundles (scripts/build.mjs maps the import here): TypeScript,
// loaded from dist/typescript.js with a V8 code cache. Compiling that 7 MB file costs 0.15–0.3 s,
// most of a small check and of the language server's start; with the cache it is paid once per
// install and user. Tests and tsc-compiled code import the real `ts-morph` instead.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';
import type * as TsMorph from 'ts-morph';
import { registerCompileCacheWrite } from './compile-cache-writes';
import { writeFileAtomic } from './io';
import { VERSION } from './version';

/** Set to 1 to compile TypeScript from source on every run (no cache is read or written). */
export const NO_COMPILE_CACHE_ENV = 'BULKHEAD_NO_COMPILE_CACHE';

/**
 * Each build of the chunk (every release, every install of the CLI or the extension) writes a
 * cache of its own, 8-9 MB: those not used for a month are removed when a new one is written.
 * A cache in use has its modification time moved forward at most once a day (below), so two
 * installs in use side by side keep theirs.
 */
const UNUSED_CACHE_MS = 30 * 24 * 60 * 60 * 1000;
const MARK_USED_EVERY_MS = 24 * 60 * 60 * 1000;

/**
 * TypeScript, loaded on the first read of one of its names rather than when a module importing
 * it loads: a `--cache` run that re-reads one changed file imports the syntax-tree code with the
 * scanner's but may never use it (the scanner has a chunk of its own, see
 * extract/typescript-scanner.ts).
 * Until then `ts` is a stand-in whose first read loads the chunk and rebinds `ts` to it; importers
 * read this same variable in the bundles (an ES module binding is live), so every later read goes
 * to TypeScript itself, without the stand-in.
 */
export let ts: typeof TsMorph.ts = new Proxy({} as typeof TsMorph.ts, {
  get: (_, name) => Reflect.get(loadedTypeScript(), name),
  has: (_, name) => Reflect.has(loadedTypeScript(), name),
});

let loaded: typeof TsMorph.ts | undefined;

function loadedTypeScript(): typeof TsMorph.ts {
  if (!loaded) ts = loaded = loadChunk().ts;
  return loaded;
}

function loadChunk(): typeof TsMorph {
  const file = path.join(__dirname, 'typescript.js');
  const cacheFile = process.env[NO_COMPILE_CACHE_ENV] === '1' ? undefined : codeCacheFile(file);
  if (!cacheFile) return require(file) as typeof TsMorph;
  try {
    const cached = readOwnFile(cacheFile);
    const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${fs.readFileSync(file, 'utf8')}\n})`, {
      filename: file,
      cachedData: cached,
      ...dynamicImportOption(),
    });
    const module = { exports: {} as typeof TsMorph };
    (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, path.dirname(file));
    if (!cached || script.cachedDataRejected) {
      let written = false;
      const write = (): void => {
        if (written) return;
        written = true;
        try {
          writeFileAtomic(cacheFile, script.createCachedData());
          removeUnusedCaches(cacheFile);
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
    return require(file) as typeof TsMorph;
  }
}

/**
 * A per-user cache folder (never a shared temp folder: a code cache is code), named after
 * everything that must match for V8 to run it: this build of the chunk, Node's V8 and the CPU.
 */
function codeCacheFile(chunk: string): string | undefined {
  try {
    const dir = path.join(userCacheFolder(), 'bulkhead', 'compile-cache');
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!ownedByMe(fs.statSync(dir))) return undefined;
    const { size, mtimeMs } = fs.statSync(chunk);
    return path.join(dir, `typescript-${VERSION}-${size}-${Math.round(mtimeMs)}-v8-${process.versions.v8}-${process.arch}.bin`);
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

function removeUnusedCaches(kept: string): void {
  const dir = path.dirname(kept);
  for (const name of fs.readdirSync(dir)) {
    if (name === path.basename(kept) || !/^typescript-.+\.bin$/.test(name)) continue;
    try {
      const stat = fs.statSync(path.join(dir, name));
      if (stat.isFile() && ownedByMe(stat) && Date.now() - stat.mtimeMs > UNUSED_CACHE_MS) fs.rmSync(path.join(dir, name), { force: true });
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
