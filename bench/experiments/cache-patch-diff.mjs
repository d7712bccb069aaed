// Does `--cache` give a fresh check's answer after edits on a real tree? Fills a cache, then edits
// random source files one at a time in one of five ways (an export appended, a line above
// everything, the first import commented out, the first re-export dropped, a local export made
// private), checks with the cache and without after the edit and after undoing it, and compares
// the two results. Prints how each cached run got its answer (patched, reused or analysed again,
// with the reason). Every file is restored; the tree must not be in use meanwhile.
// Needs `npm run build` (uses dist/engine.js).
// Usage: node bench/experiments/cache-patch-diff.mjs <workspace> [--edits 10] [--seed 1]
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { experimentArgs, sourceFilesUnder } from '../lib/experiment-args.mjs';

const { root, option } = experimentArgs();
const edits = option('--edits', 10);
let seed = option('--seed', 1);
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const engine = createRequire(import.meta.url)(path.join(import.meta.dirname, '../../dist/engine.js'));

const mutations = [
  ['an export appended', (t) => `${t}\nexport const cachePatchDiff = 1;\n`],
  ['a line above everything', (t) => `// edited\n${t}`],
  ['the first import commented out', (t) => t.replace(/^import /m, '// import ')],
  ['the first re-export dropped', (t) => t.replace(/^export (\*|\{)[^\n]*from[^\n]*$/m, '')],
  ['a local export made private', (t) => t.replace(/^export (const|function|class|interface|type) /m, '$1 ')],
];
const comparable = (r) => JSON.stringify({ ...r, summary: { ...r.summary, durationMs: 0 } });

const cacheFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bulkhead-patch-diff-')), 'facts.json');
const first = engine.openWorkspace({ root, cacheFile });
if (!first.configured) throw new Error(`${root}: no usable bulkhead.json`);
// Half the edits go to files with findings, where a patch has most to get right.
const withFindings = [...new Set(first.result.violations.map((v) => v.file))].filter((f) => /\.[cm]?[jt]sx?$/.test(f));
const sources = sourceFilesUnder(root, /\.tsx?$/).filter((f) => !f.endsWith('.d.ts')).map((f) => path.relative(root, f));

const counts = { same: 0, different: 0, patched: 0, reused: 0, analysed: 0 };
for (let done = 0; done < edits; ) {
  const pool = random() < 0.5 && withFindings.length > 0 ? withFindings : sources;
  const rel = pool[Math.floor(random() * pool.length)];
  const abs = path.join(root, rel);
  const original = fs.readFileSync(abs, 'utf8');
  const [name, mutate] = mutations[Math.floor(random() * mutations.length)];
  const edited = mutate(original);
  if (edited === original) continue;
  done++;
  try {
    for (const step of ['edit', 'undo']) {
      fs.writeFileSync(abs, step === 'edit' ? edited : original);
      const cached = engine.openWorkspace({ root, cacheFile });
      const same = comparable(cached.result) === comparable(engine.openWorkspace({ root }).result);
      const stats = cached.cacheStats;
      counts[same ? 'same' : 'different']++;
      if (stats.patched !== undefined) counts.patched++;
      else if (stats.reusedResult) counts.reused++;
      else counts.analysed++;
      const how = stats.patched !== undefined ? `patched (${stats.patched} files analysed)` : stats.reusedResult ? 'stored result reused' : `analysed again: ${stats.reanalysed ?? 'cache not usable'}`;
      console.log(`${same ? 'same     ' : 'DIFFERENT'} ${step} ${name}: ${rel} — ${how}`);
    }
  } finally {
    fs.writeFileSync(abs, original);
  }
}
fs.rmSync(path.dirname(cacheFile), { recursive: true, force: true });
console.log(JSON.stringify(counts));
process.exitCode = counts.different > 0 ? 1 : 0;
