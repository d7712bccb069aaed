// Bundles the CLI (and later the extension, server and webview) with esbuild.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

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

await build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js' });
// The engine alone, for in-process use by the benchmark (bench/probes) and future hosts.
await build({ ...common, entryPoints: ['src/engine/index.ts'], outfile: 'dist/engine.js' });
