// Every measurement of one workspace, each in a fresh child process so one cannot warm up another:
// the floor, Bulkhead (CLI cold, warm with --cache, in-process engine and edits, graph) and
// dependency-cruiser. Repeated measurements keep the fastest run (the machine is shared).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runMeasured } from './measure.mjs';
import { normalizedResult } from '../compare-results.mjs';

const NODE = process.execPath;

export function cacheSupport(repo) {
  let help = '';
  try {
    help = execFileSync(NODE, [path.join(repo, 'bin', 'bulkhead.js'), 'check', '--help'], { encoding: 'utf8' });
  } catch (err) {
    help = String(err.stdout ?? '');
  }
  return { supported: /--cache-location\b/.test(help), canDisable: /--no-cache\b/.test(help) };
}

export async function measureWorkspace(target, o) {
  const slug = target.name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '');
  fs.mkdirSync(o.resultsDir, { recursive: true });
  const cli = path.join(o.repo, 'bin', 'bulkhead.js');
  const repeat = (target.files ?? 0) > 20000 ? 1 : o.repeat;
  const best = async (what, fn) => {
    let fastest;
    for (let i = 0; i < repeat; i++) {
      const run = await fn();
      if (!run.ok) return run;
      if (!fastest || run.wallMs < fastest.wallMs) fastest = run;
    }
    o.log(`  ${what}: ${fmtMs(fastest.wallMs)}${fastest.peakRssMiB ? `, ${Math.round(fastest.peakRssMiB)} MiB` : ''}`);
    return fastest;
  };
  const child = async (args, { stdoutFile, okCodes = [0], timeoutMs = 0, cwd = o.repo, env } = {}) => {
    const r = await runMeasured(NODE, args, { cwd, stdoutFile, keepStdout: !stdoutFile, timeoutMs, env });
    const ok = !r.timedOut && okCodes.includes(r.exitCode);
    return { ok, wallMs: r.wallMs, cpuMs: r.cpuMs, peakRssMiB: r.peakRssMiB, exitCode: r.exitCode, timedOut: r.timedOut, stdout: r.stdout, error: ok ? undefined : (r.timedOut ? 'timed out' : r.stderr.trim().split('\n').slice(-3).join(' | ')) };
  };

  const floorRun = await best('floor', () => child([path.join(o.repo, 'bench', 'probes', 'floor.mjs'), target.root]));
  const floorFacts = floorRun.ok ? JSON.parse(floorRun.stdout) : {};
  const floor = { ...pick(floorRun), inProcessMs: floorFacts.ms, inProcessCpuMs: floorFacts.cpuMs, loadMs: floorFacts.loadMs, files: floorFacts.files, imports: floorFacts.imports, bytes: floorFacts.bytes };

  const checkArgs = [cli, 'check', target.root, '--format', 'json', '--no-color'];
  const checkOut = path.join(o.resultsDir, `${slug}-check.json`);
  const coldRun = await best('bulkhead check (cold, CLI)', () => child([...checkArgs, ...(o.cache.canDisable ? ['--no-cache'] : [])], { stdoutFile: checkOut, okCodes: [0, 1] }));
  // The CLI keeps a per-user V8 code cache of its TypeScript chunk (src/engine/load-typescript-chunk.ts),
  // written by the first run on a machine; the runs above use it. Without it, as on that first run:
  const noCodeCacheRun = await best('bulkhead check (cold, CLI, no code cache)', () => child(checkArgs, { stdoutFile: path.join(o.resultsDir, `${slug}-check-no-code-cache.json`), okCodes: [0, 1], env: { BULKHEAD_NO_COMPILE_CACHE: '1' } }));
  const summary = coldRun.ok ? JSON.parse(fs.readFileSync(checkOut, 'utf8')).summary : {};
  const cliCold = { ...pick(coldRun), withoutCodeCache: pick(noCodeCacheRun), files: summary.files, imports: summary.imports, modules: summary.modules, errors: summary.errors, warnings: summary.warnings, engineMs: summary.durationMs };

  // The database-coupling rule's cost (issue 4: the whole check within 1.3× of the check without
  // it): the same cold check with the rule off and the map's `database` section removed.
  let database = { status: 'n/a (no database section)' };
  const config = readJsonc(path.join(target.root, 'bulkhead.json'));
  if (config?.database) {
    const { database: _removed, ...rest } = config;
    const noDatabase = path.join(o.resultsDir, `${slug}-no-database.bulkhead.json`);
    fs.writeFileSync(noDatabase, JSON.stringify({ ...rest, rules: { ...(rest.rules ?? {}), 'database-coupling': 'off' } }));
    const withoutRun = await best('bulkhead check without database-coupling', () => child([...checkArgs, '--config', noDatabase], { stdoutFile: path.join(o.resultsDir, `${slug}-no-database.json`), okCodes: [0, 1] }));
    database = { status: withoutRun.ok ? 'ok' : 'failed', without: pick(withoutRun) };
  }

  let warm = { status: 'n/a (cache not implemented yet)' };
  if (o.cache.supported) {
    // A cache of our own, filled by one run first, so the measured runs find every file unchanged.
    const cacheFile = path.join(o.resultsDir, `${slug}.cache`);
    const cacheArgs = ['--cache-location', cacheFile];
    // Filling an empty cache (issue 16: its peak RSS ≤ 300 MiB at 5k); the last fill stays for the warm runs.
    const fillRun = await best('bulkhead check --cache (fill, empty cache)', () => {
      fs.rmSync(cacheFile, { force: true });
      return child([...checkArgs, ...cacheArgs], { stdoutFile: path.join(o.resultsDir, `${slug}-warm.json`), okCodes: [0, 1] });
    });
    const warmRun = await best('bulkhead check --cache (warm)', () => child([...checkArgs, ...cacheArgs], { stdoutFile: path.join(o.resultsDir, `${slug}-warm.json`), okCodes: [0, 1] }));
    warm = { status: warmRun.ok ? 'ok' : 'failed', ...pick(warmRun), fill: pick(fillRun) };
    const same = warmRun.ok && normalizedResult(fs.readFileSync(path.join(o.resultsDir, `${slug}-warm.json`), 'utf8')) === normalizedResult(fs.readFileSync(checkOut, 'utf8'));
    warm.sameResultAsCold = same;
    if (!same) o.log('  warning: the warm check result differs from the cold one');
    warm.oneTouched = await oneFileChanged('touched (same facts)', (text) => `${text}\n`);
    let edits = 0;
    warm.oneEdited = await oneFileChanged('edited (a new export)', (text) => `${text}\nexport const benchEdit${edits++} = ${edits};\n`);
  }

  /**
   * `--cache` after one file changed since the cache was written: every repeat changes the file
   * again (from the original text), the cache holds the run before it. The file is restored after.
   */
  async function oneFileChanged(what, change) {
    const file = sampleSourceFile(target.root);
    if (!file) return { ok: false, error: 'no source file to change' };
    const original = fs.readFileSync(file, 'utf8');
    const cacheFile = path.join(o.resultsDir, `${slug}-one-file.cache`);
    const cacheArgs = [...checkArgs, '--cache-location', cacheFile];
    const out = { stdoutFile: path.join(o.resultsDir, `${slug}-one-file.json`), okCodes: [0, 1] };
    try {
      fs.rmSync(cacheFile, { force: true });
      await child(cacheArgs, out);
      return pick(await best(`bulkhead check --cache, one file ${what}`, async () => {
        fs.writeFileSync(file, change(original));
        const run = await child(cacheArgs, out);
        // Back to the cached state, so the next repeat changes one file again.
        fs.writeFileSync(file, original);
        await child(cacheArgs, out);
        return run;
      }));
    } finally {
      fs.writeFileSync(file, original);
    }
  }

  // Above 20k files each analysis takes long enough that a few dozen edits give a stable p95.
  const edits = (target.files ?? 0) > 20000 ? Math.min(o.edits, 30) : o.edits;
  const sessionRun = await child([path.join(o.repo, 'bench', 'probes', 'session.mjs'), target.root, String(edits)]);
  const s = sessionRun.ok ? JSON.parse(sessionRun.stdout) : undefined;
  if (s) o.log(`  engine in-process: cold ${fmtMs(s.coldMs)}; edit→diagnostics p50 ${fmtMs(s.importEdit.p50)} p95 ${fmtMs(s.importEdit.p95)}`);
  const engine = s
    ? { ok: true, coldMs: s.coldMs, coldCpuMs: s.coldCpuMs, loadMs: s.loadMs, coldPeakRssMiB: s.coldMaxRssMiB, peakRssMiB: s.maxRssMiB, analyzeOnly: s.analyzeOnly, keystroke: s.keystroke, importEdit: s.importEdit, importEditCpu: s.importEditCpu, importEditsChangingViolations: s.importEditsChangingViolations, restoredSameViolations: s.restoredSameViolations }
    : { ok: false, error: sessionRun.error };

  const graphRun = await best('bulkhead graph', () => child([cli, 'graph', target.root, '--format', 'json'], { stdoutFile: path.join(o.resultsDir, `${slug}-graph.json`) }));
  const graph = pick(graphRun);

  let depcruise = { status: 'skipped' };
  const files = cliCold.files ?? floor.files ?? 0;
  if (o.depcruise && files > o.depcruiseMaxFiles) {
    depcruise = { status: `skipped (over ${o.depcruiseMaxFiles} files; raise --depcruise-max-files)` };
  } else if (o.depcruise) {
    const bin = path.join(o.repo, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
    const out = path.join(o.resultsDir, `${slug}-depcruise.json`);
    o.log(`  dependency-cruiser (timeout ${o.depcruiseTimeoutMs / 1000} s)…`);
    // A monorepo root may have no tsconfig.json (each package has its own): then without one.
    const tsConfig = fs.existsSync(path.join(target.root, 'tsconfig.json')) ? ['--ts-config', 'tsconfig.json'] : [];
    const run = await child([bin, '--ts-pre-compilation-deps', '--no-config', '--output-type', 'json', ...tsConfig, fs.existsSync(path.join(target.root, 'src')) ? 'src' : '.'], { cwd: target.root, stdoutFile: out, okCodes: [0], timeoutMs: o.depcruiseTimeoutMs });
    let cruised;
    if (run.ok) {
      try {
        cruised = JSON.parse(fs.readFileSync(out, 'utf8')).summary?.totalCruised;
      } catch {
        cruised = undefined;
      }
    }
    depcruise = { status: run.ok ? 'ok' : run.timedOut ? `timed out after ${o.depcruiseTimeoutMs / 1000} s` : `failed: ${run.error}`, ...pick(run), modulesCruised: cruised };
    o.log(`  dependency-cruiser: ${depcruise.status}, ${fmtMs(run.wallMs)}${run.peakRssMiB ? `, ${Math.round(run.peakRssMiB)} MiB` : ''}`);
  }

  const ratio = (a, b) => (a && b ? a / b : undefined);
  return {
    name: target.name,
    loadAverage: fs.existsSync('/proc/loadavg') ? fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') : undefined,
    root: path.relative(o.repo, target.root),
    files,
    imports: cliCold.imports,
    floor,
    cliCold,
    engine,
    warm,
    graph,
    depcruise,
    database,
    ratios: {
      databaseRuleCost: database.without?.ok ? ratio(cliCold.wallMs, database.without.wallMs) : undefined,
      databaseRuleCostCpu: database.without?.ok ? ratio(cliCold.cpuMs, database.without.cpuMs) : undefined,
      cliColdToFloor: ratio(cliCold.wallMs, floor.wallMs),
      cliColdToFloorCpu: ratio(cliCold.cpuMs, floor.cpuMs),
      cliColdNoCodeCacheToFloor: ratio(noCodeCacheRun.wallMs, floor.wallMs),
      engineColdToFloorCpu: ratio(engine.coldCpuMs, floor.inProcessCpuMs),
      engineColdToFloor: ratio(engine.coldMs, floor.inProcessMs),
      warmToFloor: warm.wallMs ? ratio(warm.wallMs, floor.wallMs) : undefined,
      graphToFloor: ratio(graph.wallMs, floor.wallMs),
      depcruiseToCliCold: depcruise.status === 'ok' ? ratio(depcruise.wallMs, cliCold.wallMs) : undefined,
      depcruiseAtLeastToCliCold: depcruise.wallMs && depcruise.status !== 'ok' ? ratio(depcruise.wallMs, cliCold.wallMs) : undefined,
    },
    perFileUs: {
      floorCpu: ratio(floor.inProcessCpuMs * 1000, files),
      cliColdCpu: ratio(cliCold.cpuMs * 1000, files),
      engineColdCpu: ratio(engine.coldCpuMs * 1000, files),
      floor: ratio(floor.inProcessMs * 1000, files),
      cliCold: ratio(cliCold.wallMs * 1000, files),
      engineCold: ratio(engine.coldMs * 1000, files),
    },
  };
}

/** A mid-sized source file in the middle of the tree (sorted paths), the same one every run. */
function sampleSourceFile(root) {
  const files = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) walk(abs);
      else if (/\.tsx?$/.test(e.name) && !/\.d\.ts$|\.(spec|test)\./.test(e.name)) files.push(abs);
    }
  };
  walk(root);
  return files[Math.floor(files.length / 2)];
}

function readJsonc(file) {
  try {
    // bulkhead.json may hold comments; the generated ones do not, and a real tree without one is skipped.
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function pick(run) {
  return { ok: run.ok, wallMs: run.wallMs, cpuMs: run.cpuMs, peakRssMiB: run.peakRssMiB, ...(run.ok ? {} : { error: run.error }) };
}

function fmtMs(ms) {
  return ms === undefined ? '?' : ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}
