// Bundles the CLI (and later the extension, server and webview) with esbuild.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateRuleFacts, STALE_HINT } from './generate-rule-facts.mjs';
import { buildTypescriptScannerChunk } from './typescript-scanner-chunk.mjs';

// The copies of the rule table (schemas, package.json, docs tables). In CI only checked: a commit
// whose copies are stale fails the build instead of being silently fixed on the build machine.
const stale = await generateRuleFacts({ check: !!process.env.CI });
if (process.env.CI && stale.length > 0) {
  console.error(`${stale.join(', ')}: ${STALE_HINT}`);
  process.exit(1);
}

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  mainFields: ['module', 'main'],
  define: { BULKHEAD_VERSION: JSON.stringify(version) },
};

// TypeScript (inside ts-morph) is 6.5 MB of the bundles: it lives in its own file, dist/typescript.js,
// which the engine requires only when it parses or resolves (a run the cache answers never loads
// it), through src/engine/load-typescript-chunk.ts, which keeps a V8 code cache of it per user.
// The token scanner path takes TypeScript's scanner from a chunk of its own, dist/typescript-scanner.js
// (scripts/typescript-scanner-chunk.mjs), so that re-reading one changed file need not load it all.
const typescriptChunk = {
  name: 'typescript-chunk',
  setup(b) {
    b.onResolve({ filter: /^ts-morph$/ }, () => ({ path: fileURLToPath(new URL('../src/engine/load-typescript-chunk.ts', import.meta.url)) }));
    b.onResolve({ filter: /\/typescript-scanner$/ }, () => ({ path: fileURLToPath(new URL('../src/engine/extract/load-typescript-scanner-chunk.ts', import.meta.url)) }));
  },
};
await build({ ...common, entryPoints: ['src/engine/typescript-chunk.ts'], outfile: 'dist/typescript.js', minify: true });
await buildTypescriptScannerChunk();
common.plugins = [typescriptChunk];

// Minified: a smaller bundle loads faster, which is most of a warm cached run's time.
await build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', minify: true, keepNames: true });
// bin/bulkhead.js loads it through dist/boot.js, which keeps a V8 code cache of it (src/cli/boot.ts).
await build({ ...common, entryPoints: ['src/cli/boot.ts'], outfile: 'dist/boot.js', minify: true });
// The engine alone, for in-process use by the benchmark (bench/probes) and future hosts.
await build({ ...common, entryPoints: ['src/engine/index.ts'], outfile: 'dist/engine.js' });
// The VS Code extension (runs in the extension host; `vscode` is provided there) and its language
// server (a separate Node process holding the engine). Minified: they ship in the VSIX.
await build({ ...common, entryPoints: ['src/extension/main.ts'], outfile: 'dist/extension.js', external: ['vscode'], minify: true });
await build({ ...common, entryPoints: ['src/server/main.ts'], outfile: 'dist/server.js', minify: true });
// The server's worker thread for "Changes since…" (the check of the tree at a git ref).
await build({ ...common, entryPoints: ['src/server/result-at-ref-worker.ts'], outfile: 'dist/result-at-ref-worker.js', minify: true });
// The module graph webview (a browser app: VS Code webview and the CLI's HTML export): one script
// and one stylesheet in dist/webview, the only folder the webview may load from.
await build({
  bundle: true,
  platform: 'browser',
  target: 'chrome114',
  format: 'iife',
  minify: true,
  logLevel: 'warning',
  tsconfig: 'src/webview/tsconfig.json',
  entryPoints: [
    { in: 'src/webview/main.ts', out: 'graph' },
    // The HTML export: the app with the export's host (graph-export.js). ELK alone (elk.js): the
    // panel loads it as its second script (src/webview/layout-engine-script.ts), the CLI packs it
    // into the export deflated (src/webview/layout-engine-packed.ts).
    { in: 'src/webview/main-export.ts', out: 'graph-export' },
    { in: 'src/webview/elk-global.ts', out: 'elk' },
    { in: 'media/webview/graph.css', out: 'graph' },
  ],
  outdir: 'dist/webview',
});
