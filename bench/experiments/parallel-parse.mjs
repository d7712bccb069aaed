// Would worker threads pay off for the cold check? Parses every source file of a workspace with
// TypeScript's parser (what extractFacts does per file) on the main thread, then across N worker
// threads that each load TypeScript themselves and send back only a small summary per file (as a
// pool would send back facts). Usage: node bench/experiments/parallel-parse.mjs <workspace> [workers]
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const require = createRequire(import.meta.url);

function parseAll(files) {
  const ts = require('typescript');
  let statements = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    statements += sf.statements.length;
  }
  return statements;
}

if (!isMainThread) {
  parentPort.postMessage(parseAll(workerData.files));
} else {
  const root = path.resolve(process.argv[2]);
  const workers = Number(process.argv[3] ?? Math.max(2, os.availableParallelism?.() ?? 2));
  const files = fs.readdirSync(path.join(root, 'src'), { recursive: true }).map((f) => path.join(root, 'src', f)).filter((f) => /\.tsx?$/.test(f));
  let t = performance.now();
  const single = parseAll(files);
  const singleMs = performance.now() - t;
  t = performance.now();
  const chunks = Array.from({ length: workers }, (_, w) => files.filter((_, i) => i % workers === w));
  const counts = await Promise.all(chunks.map((chunk) => new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { files: chunk } });
    worker.once('message', resolve);
    worker.once('error', reject);
  })));
  const parallelMs = performance.now() - t;
  const same = counts.reduce((a, b) => a + b, 0) === single;
  process.stdout.write(`${JSON.stringify({ files: files.length, workers, cpus: os.availableParallelism?.(), singleMs: Math.round(singleMs), parallelMs: Math.round(parallelMs), speedup: +(singleMs / parallelMs).toFixed(2), same })}\n`);
}
