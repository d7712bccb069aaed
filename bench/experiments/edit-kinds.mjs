// How each kind of editor edit is re-checked, and what it costs: the bench's edits (a comment
// line, an import of a far-away file, the original text back) on one workspace through the
// session API, grouped by whether `analyze()` patched the last result or analysed the whole
// workspace, and why (`Session.lastAnalysis`). `updateFile` is timed apart from `analyze`.
// Usage: npm run build && node bench/experiments/edit-kinds.mjs <workspace> [--files 60]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { experimentArgs } from '../lib/experiment-args.mjs';
import { benchEdit } from '../lib/bench-edits.mjs';
import { percentile } from '../lib/measure.mjs';

const { root: given, option } = experimentArgs();
const count = option('--files', 60);
const engine = createRequire(import.meta.url)('../../dist/engine.js');
const root = fs.realpathSync(given);
const session = engine.openWorkspace({ root });
const files = [...new Set(session.fileEdges().map((e) => e.from))].sort();
const groups = new Map();
const record = (key, ms) => groups.set(key, [...(groups.get(key) ?? []), ms]);
for (let i = 0; i < count && files.length > 1; i++) {
  // The same files and targets as bench/probes/session.mjs.
  const { file, specifier: spec } = benchEdit(files, i, count);
  const abs = path.join(root, file);
  const original = fs.readFileSync(abs, 'utf8');
  for (const [kind, text] of [['keystroke', `${original}\n// edited ${i}\n`], ['new import', `import { benchEdit${i} } from '${spec}';\n${original}`], ['undo', original]]) {
    const started = performance.now();
    session.updateFile(abs, text);
    const updated = performance.now();
    session.analyze();
    const how = session.lastAnalysis;
    record(`updateFile (${kind})`, updated - started);
    record(`analyze, ${kind}: ${how.patched ? 'patched' : `whole workspace (${how.reason})`}`, performance.now() - updated);
  }
}
for (const [key, values] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
  process.stdout.write(`${key.padEnd(90)} n ${String(values.length).padStart(4)}  p50 ${percentile(values, 50).toFixed(1).padStart(7)} ms  p95 ${percentile(values, 95).toFixed(1).padStart(7)} ms\n`);
}
