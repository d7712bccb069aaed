// What `ts-morph` means inside the bundles (scripts/build.mjs maps the import here): TypeScript,
// loaded from dist/typescript.js with a V8 code cache (load-with-code-cache.ts). Tests and
// tsc-compiled code import the real `ts-morph` instead.
import * as path from 'node:path';
import type * as TsMorph from 'ts-morph';
import { loadWithCodeCache } from './load-with-code-cache';

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
  if (!loaded) ts = loaded = loadWithCodeCache<typeof TsMorph>(path.join(__dirname, 'typescript.js'), 'typescript').ts;
  return loaded;
}

