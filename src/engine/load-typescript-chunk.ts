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

export const ts: typeof TsMorph.ts = loadChunk().ts;

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
    return ownedByMe(fs.statSync(file)) ? fs.readFileSync(file) : undefined;
  } catch {
    return undefined;
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
