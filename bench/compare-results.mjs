// Compares two `bulkhead check --format json` outputs, ignoring timings: an optimisation must
// not change any result. Usage: node bench/compare-results.mjs before.json after.json
import * as fs from 'node:fs';

export function normalizedResult(text) {
  const result = JSON.parse(text);
  delete result.summary?.durationMs;
  return JSON.stringify(result, null, 1);
}

if (process.argv[1]?.endsWith('compare-results.mjs')) {
  const [a, b] = process.argv.slice(2).map((f) => normalizedResult(fs.readFileSync(f, 'utf8')).split('\n'));
  const diffAt = a.findIndex((line, i) => line !== b[i]);
  if (diffAt < 0 && a.length === b.length) {
    process.stdout.write(`same results (${a.length} lines)\n`);
  } else {
    const at = diffAt < 0 ? Math.min(a.length, b.length) : diffAt;
    process.stdout.write(`results differ at line ${at + 1}:\n- ${a.slice(at, at + 5).join('\n- ')}\n+ ${b.slice(at, at + 5).join('\n+ ')}\n`);
    process.exitCode = 1;
  }
}
