// Does the scanner fast path (src/engine/extract/scan-facts.ts) give the same facts as the full
// parse, and how much time does it save? Reads every source file of a workspace into memory, then
// runs the full parse (`parseFacts`) and `extractFacts` (fast path, falling back to the full parse)
// over all of them, compares the facts file by file and times both passes (fastest of --repeat).
// Bundles the two functions from src/ with esbuild first, so no build step is needed.
// Usage: node bench/experiments/scan-facts-diff.mjs <workspace> [--repeat 3] [--show 10]
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';
import { build } from 'esbuild';
import { experimentArgs, sourceFilesUnder } from '../lib/experiment-args.mjs';

const { root, option } = experimentArgs();
const repeat = option('--repeat', 3);
const show = option('--show', 10);

const repoRoot = path.resolve(new URL('../..', import.meta.url).pathname);
const bundle = path.join(os.tmpdir(), `bulkhead-scan-facts-diff-${process.pid}.cjs`);
await build({
  stdin: {
    contents: "export { parseFacts, extractFacts } from './src/engine/extract/extract-facts';\nexport { scanFacts } from './src/engine/extract/scan-facts';\n",
    resolveDir: repoRoot,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: bundle,
  logLevel: 'warning',
});
const { parseFacts, extractFacts, scanFacts } = createRequire(import.meta.url)(bundle);
fs.rmSync(bundle, { force: true });

const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const files = sourceFilesUnder(root, SOURCE).sort();
const texts = files.map((f) => fs.readFileSync(f, 'utf8'));

let fast = 0;
const differences = [];
const lostSyntaxErrors = [];
for (let i = 0; i < files.length; i++) {
  const scanned = scanFacts(files[i], texts[i]);
  if (scanned === undefined) continue;
  fast++;
  const parsed = parseFacts(files[i], texts[i]);
  // The fast path never reports a syntax error (see scanFacts); count the notices it drops.
  if (parsed.syntaxError) lostSyntaxErrors.push(`${path.relative(root, files[i])}: ${parsed.syntaxError.message}`);
  delete parsed.syntaxError;
  if (!isDeepStrictEqual(scanned, parsed)) differences.push({ file: path.relative(root, files[i]), scanned, parsed });
}

// Interleaved (full, fast, scan-only, full, …) so that heap growth and machine load hit all alike.
const passes = { full: parseFacts, withFastPath: extractFacts, scanOnly: scanFacts };
const runs = { full: [], withFastPath: [], scanOnly: [] };
for (let r = 0; r < repeat; r++) {
  for (const [name, fn] of Object.entries(passes)) {
    const t = performance.now();
    for (let i = 0; i < files.length; i++) fn(files[i], texts[i]);
    runs[name].push(Math.round(performance.now() - t));
  }
}
const summary = (name) => ({ best: Math.min(...runs[name]), all: runs[name] });
const full = summary('full');
const withFastPath = summary('withFastPath');
const scanOnly = summary('scanOnly');

console.log(`workspace: ${root}`);
console.log(`files: ${files.length}, fast path taken: ${fast} (${((100 * fast) / Math.max(1, files.length)).toFixed(1)}%), differences: ${differences.length}`);
console.log(`full parse (parseFacts):            ${full.best} ms (runs: ${full.all.join(', ')})`);
console.log(`fast path + fallback (extractFacts): ${withFastPath.best} ms (runs: ${withFastPath.all.join(', ')}) = ${((100 * withFastPath.best) / full.best).toFixed(0)}% of the full parse`);
console.log(`scanFacts alone (declines included): ${scanOnly.best} ms (runs: ${scanOnly.all.join(', ')})`);
console.log(`accepted files whose full parse reports a syntax error (notice no longer shown): ${lostSyntaxErrors.length}`);
for (const l of lostSyntaxErrors.slice(0, show)) console.log(`  ${l}`);
for (const d of differences.slice(0, show)) {
  console.log(`\n--- ${d.file}\nscan:  ${JSON.stringify(d.scanned)}\nparse: ${JSON.stringify(d.parsed)}`);
}
process.exitCode = differences.length > 0 ? 1 : 0;
