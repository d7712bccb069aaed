// What V8's optimizing compiler costs a cold check, against the floor's (docs/performance.md,
// issue 16 stop 34): the CPU of the main thread and of V8's worker threads, with concurrent
// recompilation and without it (then the compiling moves onto the main thread, so the difference
// of the workers' CPU is about what TurboFan takes), and from `--trace-opt --trace-deopt` the
// functions compiled most often and why they were thrown away. Linux only (/proc). Names in
// dist/typescript.js are minified (`pe` is TypeScript's `scan`): map them with its .map file.
// Usage: npm run build && node bench/experiments/jit-cost.mjs <workspace> [--repeat 3] [--top 15]
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { experimentArgs } from '../lib/experiment-args.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { root, option } = experimentArgs();
const repeat = option('--repeat', 3);
const top = option('--top', 15);
const runs = {
  floor: [path.join(REPO, 'bench/probes/floor.mjs'), root],
  check: [path.join(REPO, 'bin/bulkhead.js'), 'check', root, '--format', 'json'],
};

function run(args, flags = []) {
  const r = spawnSync(process.execPath, [...flags, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.error) throw r.error;
  return r;
}

function threadCpu(args, flags) {
  const line = run(args, ['--require', path.join(REPO, 'bench/lib/thread-cpu.cjs'), ...flags]).stderr.split('\n').find((l) => l.startsWith('BULKHEAD_THREAD_CPU '));
  if (!line) throw new Error('no thread CPU line (not Linux?)');
  return JSON.parse(line.slice('BULKHEAD_THREAD_CPU '.length));
}

/** The lowest total of `repeat` runs, main and other threads of that run. */
function lowest(args, flags) {
  let best;
  for (let i = 0; i < repeat; i++) {
    const cpu = threadCpu(args, flags);
    if (!best || cpu.mainMs + cpu.otherMs < best.mainMs + best.otherMs) best = cpu;
  }
  return best;
}

function trace(args) {
  const out = run(args, ['--trace-opt', '--trace-deopt']).stdout;
  const compiles = new Map();
  const deopts = new Map();
  let compileMs = 0;
  for (const line of out.split('\n')) {
    // `<JSFunction name (sfi = …)>`, or `<JSFunction (sfi = …)>` for an anonymous function
    const compiled = /completed compiling \S+ <JSFunction (\S+ )?\(sfi[^)]*\)>.*took ([\d.]+), ([\d.]+), ([\d.]+) ms/.exec(line);
    if (compiled) {
      const ms = Number(compiled[2]) + Number(compiled[3]) + Number(compiled[4]);
      const fn = compiled[1]?.trim() ?? '(anonymous)';
      compileMs += ms;
      const e = compiles.get(fn) ?? { n: 0, ms: 0 };
      compiles.set(fn, { n: e.n + 1, ms: e.ms + ms });
      continue;
    }
    const deopt = /bailout \(kind: [^,]+, reason: ([^)]*)\).*?<JSFunction (\S+ )?\(sfi/.exec(line);
    if (deopt) {
      const key = `${deopt[2]?.trim() ?? '(anonymous)'}: ${deopt[1]}`;
      deopts.set(key, (deopts.get(key) ?? 0) + 1);
    }
  }
  const count = [...compiles.values()].reduce((a, e) => a + e.n, 0);
  return { count, compileMs, compiles, deopts, deoptCount: [...deopts.values()].reduce((a, n) => a + n, 0) };
}

const ms = (x) => `${Math.round(x)} ms`;
console.log(`${root}: lowest total CPU of ${repeat} runs each`);
for (const [name, args] of Object.entries(runs)) {
  const normal = lowest(args, []);
  const serial = lowest(args, ['--no-concurrent-recompilation']);
  const t = trace(args);
  console.log(`\n== ${name}`);
  console.log(`  CPU: main thread ${ms(normal.mainMs)}, other threads ${ms(normal.otherMs)}; without concurrent recompilation: main ${ms(serial.mainMs)}, other ${ms(serial.otherMs)}`);
  console.log(`  so about ${ms(normal.otherMs - serial.otherMs)} of the other threads' CPU is optimizing compilation`);
  console.log(`  traced: ${t.count} optimizing compiles (${ms(t.compileMs)} as traced), ${t.deoptCount} deopts`);
  console.log('  compiled most (traced ms, times, function):');
  for (const [fn, e] of [...t.compiles].sort((a, b) => b[1].ms - a[1].ms).slice(0, top)) console.log(`    ${Math.round(e.ms)}\t${e.n}\t${fn}`);
  console.log('  deopts (times, function: reason):');
  for (const [key, n] of [...t.deopts].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`    ${n}\t${key}`);
}
