// Measures the engine in-process on one workspace: a cold full check through the session API,
// then many single-file edits (`updateFile` with new text, then `analyze()`), each timed until
// the updated diagnostics are back. Prints JSON. The workspace on disk is never changed.
// Usage: node bench/probes/session.mjs <workspace> [edits]
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { benchEdit } from '../lib/bench-edits.mjs';
import { percentile } from '../lib/measure.mjs';

const loadStarted = performance.now();
const engine = createRequire(import.meta.url)('../../dist/engine.js');
loadTypeScript(engine);
const loadMs = performance.now() - loadStarted;

const root = fs.realpathSync(path.resolve(process.argv[2]));
const editCount = Number(process.argv[3] ?? 200);

const coldStarted = performance.now();
const coldCpuStarted = process.cpuUsage();
// Falls back to the session class of engines before openWorkspace(), to compare across versions.
const session = engine.openWorkspace ? engine.openWorkspace({ root }) : new engine.WorkspaceSession({ root });
const base = engine.openWorkspace ? session.result : session.check();
const coldMs = performance.now() - coldStarted;
const coldCpu = process.cpuUsage(coldCpuStarted);
const coldMaxRssMiB = process.resourceUsage().maxRSS / 1024;
const cpuMsSince = (start) => {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
};

const analyzeTimes = [];
for (let i = 0; i < 20; i++) {
  const t = performance.now();
  session.analyze();
  analyzeTimes.push(performance.now() - t);
}

const files = session.fileEdges ? [...new Set(session.fileEdges().map((e) => e.from))].sort() : [];
const importEdits = [];
const importEditsCpu = [];
const keystrokes = [];
let changed = 0;
for (let i = 0; i < editCount && files.length > 1; i++) {
  const { file, specifier: spec } = benchEdit(files, i, editCount);
  const abs = path.join(root, file);
  const original = fs.readFileSync(abs, 'utf8');

  // A keystroke that changes no import: the common case while typing.
  let t = performance.now();
  session.updateFile(abs, `${original}\n// edited ${i}\n`);
  session.analyze();
  keystrokes.push(performance.now() - t);

  // An edit that adds an import, usually a new dependency between modules.
  t = performance.now();
  const c = process.cpuUsage();
  session.updateFile(abs, `import { benchEdit${i} } from '${spec}';\n${original}`);
  const after = session.analyze();
  importEdits.push(performance.now() - t);
  importEditsCpu.push(cpuMsSince(c));
  if (after.violations.length !== base.violations.length) changed++;

  session.updateFile(abs, original);
}
const restored = session.analyze();

const stats = (values) => ({ n: values.length, p50: percentile(values, 50), p95: percentile(values, 95), max: values.length ? Math.max(...values) : undefined });
process.stdout.write(`${JSON.stringify({
  files: base.summary.files,
  imports: base.summary.imports,
  violations: base.violations.length,
  loadMs,
  coldMs,
  coldCpuMs: (coldCpu.user + coldCpu.system) / 1000,
  coldMaxRssMiB,
  analyzeOnly: stats(analyzeTimes),
  keystroke: stats(keystrokes),
  importEdit: stats(importEdits),
  importEditCpu: stats(importEditsCpu),
  importEditsChangingViolations: changed,
  restoredSameViolations: restored.violations.length === base.violations.length,
  maxRssMiB: process.resourceUsage().maxRSS / 1024,
})}\n`);

/**
 * The engine loads TypeScript on the first file it parses; the floor loads it before its timer
 * starts. Opening a one-file workspace whose file needs the parser puts both on the same footing.
 */
function loadTypeScript(engine) {
  if (!engine.openWorkspace) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-load-ts-'));
  try {
    fs.writeFileSync(path.join(dir, 'bulkhead.json'), JSON.stringify({ modules: [{ name: 'a', path: '.' }] }));
    fs.writeFileSync(path.join(dir, 'a.ts'), "export const b = import('./b');\n");
    engine.openWorkspace({ root: dir });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
