// Turns a bench result into the short markdown table that docs/performance.md and the README quote.
import * as fs from 'node:fs';

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

export function markdownReport(result) {
  const lines = [
    `Measured ${result.when.slice(0, 16).replace('T', ' ')} UTC on Node ${result.machine.node}, ${result.machine.cpus} CPUs (load average at the end: ${result.machine.loadAverageAtEnd}); fastest of the repeats; peak RSS by ${result.peakRssMethod}.`,
    '',
    'Ratios are to the floor measured the same way: the CLI and graph against the floor as a child process (wall time, node start-up and loading TypeScript included), the engine against the floor in-process (after loading). CPU is user + system time of the process.',
    '',
    '| workspace | files | floor | cold check (CLI) | cold check (engine) | warm `--cache` | edit → diagnostics p50 / p95 | graph | dependency-cruiser |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of result.runs) {
    const warm = r.warm.wallMs ? `${ms(r.warm.wallMs)} (${x(r.ratios.warmToFloor)})` : 'n/a';
    const dc = r.depcruise.status === 'ok'
      ? `${ms(r.depcruise.wallMs)}, ${mib(r.depcruise.peakRssMiB)} (${x(r.ratios.depcruiseToCliCold)} slower)`
      : r.depcruise.status.startsWith('timed out') ? `> ${ms(r.depcruise.wallMs)} (timed out; > ${x(r.ratios.depcruiseAtLeastToCliCold)} slower)` : r.depcruise.status;
    lines.push(`| ${r.name} | ${r.files} | ${ms(r.floor.wallMs)} (in-process ${ms(r.floor.inProcessMs)}), ${mib(r.floor.peakRssMiB)} | ${ms(r.cliCold.wallMs)}, ${mib(r.cliCold.peakRssMiB)} (**${x(r.ratios.cliColdToFloor)}**; CPU ${x(r.ratios.cliColdToFloorCpu)}) | ${ms(r.engine.coldMs)}, ${mib(r.engine.coldPeakRssMiB)} (${x(r.ratios.engineColdToFloor)}; CPU ${x(r.ratios.engineColdToFloorCpu)}) | ${warm} | ${r.engine.importEdit ? `${ms(r.engine.importEdit.p50)} / **${ms(r.engine.importEdit.p95)}** (CPU ${ms(r.engine.importEditCpu?.p50)} / ${ms(r.engine.importEditCpu?.p95)})` : 'failed'} | ${ms(r.graph.wallMs)} (${x(r.ratios.graphToFloor)}) | ${dc} |`);
  }
  lines.push('', 'Time per file (µs; CPU time in parentheses, which a busy machine distorts less), for the scaling curve; memory per 1k files:', '', '| workspace | files | floor (in-process) | cold check (CLI) | cold check (engine) | CLI peak RSS per 1k files | engine session peak RSS (after the edits) |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of result.runs) {
    lines.push(`| ${r.name} | ${r.files} | ${n(r.perFileUs.floor)} (${n(r.perFileUs.floorCpu)}) | ${n(r.perFileUs.cliCold)} (${n(r.perFileUs.cliColdCpu)}) | ${n(r.perFileUs.engineCold)} (${n(r.perFileUs.engineColdCpu)}) | ${r.cliCold.peakRssMiB ? mib((r.cliCold.peakRssMiB * 1000) / r.files) : '?'} | ${mib(r.engine.peakRssMiB)} |`);
  }
  if (result.runs.some((r) => r.warm.oneEdited)) {
    lines.push('', '`--cache`: filling an empty cache, then after one file changed since the cache was written (wall, × floor; CPU and peak RSS in parentheses):', '', '| workspace | fill (empty cache) | nothing changed | one file touched, same facts | one file edited, a new export |', '| --- | ---: | ---: | ---: | ---: |');
    for (const r of result.runs) {
      const cell = (run) => (run?.ok ? `${ms(run.wallMs)} (${x(run.wallMs / r.floor.wallMs)}; CPU ${ms(run.cpuMs)}; ${mib(run.peakRssMiB)})` : run?.error ?? 'n/a');
      lines.push(`| ${r.name} | ${cell(r.warm.fill)} | ${cell(r.warm)} | ${cell(r.warm.oneTouched)} | ${cell(r.warm.oneEdited)} |`);
    }
  }
  lines.push('', ...targetLines(result), '');
  return `${lines.join('\n')}\n`;
}

function targetLines(result) {
  const at = (files) => result.runs.filter((r) => r.name.startsWith('synthetic')).find((r) => Math.abs(r.files - files) / files < 0.05);
  const five = at(5000);
  const big = at(100000);
  const verdict = (ok) => (ok === undefined ? '–' : ok ? 'met' : '**not met**');
  const rows = ['| target (issue 8) | measured | verdict |', '| --- | --- | --- |'];
  if (five) {
    rows.push(`| cold full check at 5k ≤ 2.5× floor | CLI ${x(five.ratios.cliColdToFloor)} (CPU ${x(five.ratios.cliColdToFloorCpu)}; ${x(five.ratios.cliColdNoCodeCacheToFloor)} without the code cache, as on a machine's first run), engine in-process ${x(five.ratios.engineColdToFloor)} (CPU ${x(five.ratios.engineColdToFloorCpu)}) | ${verdict(five.ratios.cliColdToFloor <= 2.5)} |`);
    const dc = five.ratios.depcruiseToCliCold ?? five.ratios.depcruiseAtLeastToCliCold;
    rows.push(`| ≥ 10× faster than dependency-cruiser at 5k | ${dc ? `${x(dc)}${five.ratios.depcruiseToCliCold ? '' : ' (at least)'}` : five.depcruise.status} | ${verdict(dc === undefined ? undefined : dc >= 10)} |`);
    rows.push(`| peak RSS ≤ 500 MiB at 5k | CLI ${mib(five.cliCold.peakRssMiB)}; engine ${mib(five.engine.coldPeakRssMiB)} after the cold check, ${mib(five.engine.peakRssMiB)} after ${five.engine.importEdit?.n ?? '?'} edits | ${verdict(Math.max(five.cliCold.peakRssMiB ?? 0, five.engine.coldPeakRssMiB ?? 0) <= 500)} |`);
    if (five.warm.fill) rows.push(`| peak RSS of a cache fill ≤ 300 MiB at 5k (issue 16) | ${five.warm.fill.ok ? mib(five.warm.fill.peakRssMiB) : five.warm.fill.error} | ${verdict(five.warm.fill.ok ? five.warm.fill.peakRssMiB <= 300 : undefined)} |`);
    rows.push(`| warm rerun ≤ 0.5× floor | ${five.warm.wallMs ? x(five.ratios.warmToFloor) : five.warm.status} | ${verdict(five.warm.wallMs ? five.ratios.warmToFloor <= 0.5 : undefined)} |`);
    if (five.ratios.databaseRuleCost) {
      rows.push(`| database-coupling: check within 1.3× of the check without it (issue 4) | ${x(five.ratios.databaseRuleCost)} (CPU ${x(five.ratios.databaseRuleCostCpu)}) | ${verdict(five.ratios.databaseRuleCost <= 1.3)} |`);
    }
    rows.push(`| edit → diagnostics p95 ≤ 50 ms at 5k | ${five.engine.importEdit ? `${ms(five.engine.importEdit.p95)} (CPU ${ms(five.engine.importEditCpu?.p95)})` : 'failed'} | ${verdict(five.engine.importEdit ? five.engine.importEdit.p95 <= 50 : false)} |`);
  }
  if (big) {
    const small = at(20000) ?? at(5000);
    const growth = small && big.cliCold.peakRssMiB && small.cliCold.peakRssMiB ? (big.cliCold.peakRssMiB / big.files) / (small.cliCold.peakRssMiB / small.files) : undefined;
    rows.push(`| 100k completes, memory at most linear | ${big.cliCold.ok ? `completed in ${ms(big.cliCold.wallMs)}, ${mib(big.cliCold.peakRssMiB)}${growth ? `; RSS per file ${growth.toFixed(2)}× that at ${small.files}` : ''}` : `failed: ${big.cliCold.error}`} | ${verdict(big.cliCold.ok && (growth === undefined || growth <= 1.1))} |`);
  }
  const synthetic = result.runs.filter((r) => r.name.startsWith('synthetic') && r.perFileUs.engineColdCpu).sort((a, b) => a.files - b.files);
  if (synthetic.length > 1) {
    // Small workspaces carry fixed costs (start-up, tsconfig parsing), so the time per file falls
    // at first; the target is that it does not climb again as the workspace grows.
    const per = synthetic.map((r) => r.perFileUs.engineColdCpu);
    const growth = Math.max(...per.slice(1).map((v, i) => v / per[i]));
    rows.push(`| time per file roughly flat | engine CPU µs/file ${synthetic.map((r) => `${n(r.perFileUs.engineColdCpu)} at ${r.files}`).join(', ')} (largest step-to-step growth ${growth.toFixed(2)}×) | ${verdict(growth <= 1.25)} |`);
  }
  return rows;
}

/** Replaces the generated block of docs/performance.md, keeping the hand-written analysis around it. */
export function updateDocs(file, markdown) {
  const text = fs.readFileSync(file, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${file} has no ${START} … ${END} block to update`);
  const next = `${text.slice(0, start + START.length)}\n${markdown}${text.slice(end)}`;
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, next);
  fs.renameSync(tmp, file);
}

function ms(v) {
  if (v === undefined || v === null) return '?';
  return v >= 10000 ? `${(v / 1000).toFixed(1)} s` : v >= 100 ? `${Math.round(v)} ms` : `${v.toFixed(1)} ms`;
}

function mib(v) {
  return v === undefined || v === null ? '?' : `${Math.round(v)} MiB`;
}

function x(v) {
  return v === undefined || v === null ? '?' : `${v.toFixed(v >= 10 ? 0 : 2)}×`;
}

function n(v) {
  return v === undefined || v === null ? '?' : String(Math.round(v));
}
