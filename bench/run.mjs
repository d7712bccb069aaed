// `npm run bench`: measures Bulkhead against the floor and dependency-cruiser on synthetic
// workspaces of several sizes and on a real tree, in one run, and writes bench/results/.
// Options: --sizes 1k,5k,20k  --no-real  --repeat 3  --edits 200  --depcruise-timeout 600
//          --depcruise-max-files 20000  --no-depcruise  --update-docs
//          --report-only (re-render bench/results/latest.json)
//          --tree <dir> (repeatable): also a local checkout of a real repository with its own
//          bulkhead.json (e.g. one `bulkhead init --write` wrote), measured like the others
//          --graph-tree <dir> (repeatable), --graph, --graph-only: the graph panel section
//          (bench/graph/views-bench.mjs) on those trees and a synthetic 500-module map
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateWorkspace } from './generator/generate.mjs';
import { ensureRealTree } from './lib/real-tree.mjs';
import { measureWorkspace, cacheSupport } from './lib/measure-workspace.mjs';
import { peakRssMethod } from './lib/measure.mjs';
import { markdownReport, updateDocs } from './lib/report.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.dirname(HERE);
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1k,5k,20k' },
    'no-real': { type: 'boolean', default: false },
    repeat: { type: 'string', default: '3' },
    edits: { type: 'string', default: '200' },
    'depcruise-timeout': { type: 'string', default: '600' },
    'depcruise-max-files': { type: 'string', default: '20000' },
    'no-depcruise': { type: 'boolean', default: false },
    'update-docs': { type: 'boolean', default: false },
    'report-only': { type: 'boolean', default: false },
    workspaces: { type: 'string', default: path.join(HERE, 'workspaces') },
    tree: { type: 'string', multiple: true, default: [] },
    // The graph panel section: bench/graph/views-bench.mjs.
    'graph-tree': { type: 'string', multiple: true, default: [] },
    graph: { type: 'boolean', default: false },
    'graph-only': { type: 'boolean', default: false },
  },
});

// The graph panel section (views, payload, exports): after the checks, or alone with --graph-only.
async function graphSection() {
  const { runGraphBench } = await import('./graph/views-bench.mjs');
  const { markdown } = await runGraphBench({ trees: values['graph-tree'] });
  process.stdout.write(`\n## Graph panel\n\n${markdown}`);
}
if (values['graph-only']) {
  await graphSection();
  process.exit(0);
}

if (values['report-only']) {
  // Re-renders the last run (after a change to the report) without measuring again.
  const last = JSON.parse(fs.readFileSync(path.join(HERE, 'results', 'latest.json'), 'utf8'));
  const markdown = markdownReport(last);
  writeAtomic(path.join(HERE, 'results', 'latest.md'), markdown);
  if (values['update-docs']) updateDocs(path.join(REPO, 'docs', 'performance.md'), markdown);
  process.stdout.write(markdown);
  process.exit(0);
}

const sizes = values.sizes.split(',').filter(Boolean).map(parseSize);
const log = (line) => process.stderr.write(`${line}\n`);
const cache = cacheSupport(REPO);
log(`bench: sizes ${sizes.join(', ')}; warm check: ${cache.supported ? 'measured with --cache' : 'n/a (cache not implemented yet)'}; peak RSS by ${peakRssMethod()}`);

const targets = [];
for (const size of sizes) {
  const started = performance.now();
  const ws = generateWorkspace(size, path.join(values.workspaces, `synthetic-${label(size)}`));
  log(`${label(size)}: ${ws.files} files in ${ws.root} (${ws.reused ? 'reused' : `generated in ${Math.round(performance.now() - started)} ms`})`);
  targets.push({ name: `synthetic ${label(size)}`, root: ws.root, files: ws.files });
}
if (!values['no-real']) {
  const real = ensureRealTree(values.workspaces);
  if (real.root) targets.push({ name: `real: ${path.basename(real.root).replace(/^real-/, '')}`, root: real.root });
  else log(`real tree skipped: ${real.why}`);
}

for (const dir of values.tree) {
  const root = path.resolve(dir);
  if (!fs.existsSync(path.join(root, 'bulkhead.json'))) log(`tree ${root} skipped: it has no bulkhead.json (run "bulkhead init --write" in it first)`);
  else targets.push({ name: `real: ${path.basename(root)}`, root });
}

const runs = [];
for (const target of targets) {
  log(`\n== ${target.name}`);
  runs.push(await measureWorkspace(target, {
    repo: REPO,
    cache,
    repeat: Number(values.repeat),
    edits: Number(values.edits),
    depcruise: !values['no-depcruise'],
    depcruiseTimeoutMs: Number(values['depcruise-timeout']) * 1000,
    depcruiseMaxFiles: Number(values['depcruise-max-files']),
    resultsDir: path.join(HERE, 'results'),
    log,
  }));
}

const result = {
  when: new Date().toISOString(),
  machine: machine(),
  peakRssMethod: peakRssMethod(),
  warmCheck: cache.supported ? 'bulkhead check --cache' : 'n/a (cache not implemented yet)',
  runs,
};
const resultsDir = path.join(HERE, 'results');
fs.mkdirSync(resultsDir, { recursive: true });
const stamp = result.when.replace(/[:.]/g, '-');
const json = `${JSON.stringify(result, null, 2)}\n`;
fs.writeFileSync(path.join(resultsDir, `bench-${stamp}.json`), json);
writeAtomic(path.join(resultsDir, 'latest.json'), json);
const markdown = markdownReport(result);
writeAtomic(path.join(resultsDir, 'latest.md'), markdown);
if (values['update-docs']) updateDocs(path.join(REPO, 'docs', 'performance.md'), markdown);
process.stdout.write(markdown);
if (values.graph || values['graph-tree'].length > 0) await graphSection();

function parseSize(text) {
  const m = /^(\d+(?:\.\d+)?)(k?)$/i.exec(text.trim());
  if (!m) throw new Error(`bad size "${text}": use e.g. 1k, 5k, 20000`);
  return Math.round(Number(m[1]) * (m[2] ? 1000 : 1));
}

function label(size) {
  return size % 1000 === 0 ? `${size / 1000}k` : String(size);
}

function machine() {
  const cpus = (() => {
    try {
      return execFileSync('nproc', { encoding: 'utf8' }).trim();
    } catch {
      return '?';
    }
  })();
  const load = fs.existsSync('/proc/loadavg') ? fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') : '?';
  return { node: process.version, platform: `${process.platform} ${process.arch}`, cpus, loadAverageAtEnd: load };
}

function writeAtomic(file, text) {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}
