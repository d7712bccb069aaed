// The GitHub Action's check step (action.yml): one JSON run for the counts and the exit code,
// then the annotation, SARIF and markdown formats from the warm cache. Never fails itself: the
// action's last step fails the job, after the SARIF upload has had its chance.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const bulkhead = fileURLToPath(new URL('../../bin/bulkhead.js', import.meta.url));
const input = (name) => (process.env[`INPUT_${name}`] ?? '').trim();
const enabled = (name) => input(name) !== 'false';

const target = input('PATH') || '.';
const args = ['check', target, '--cache', '--no-color'];
if (input('CONFIG')) args.push('--config', input('CONFIG'));
if (input('MAX_WARNINGS')) args.push('--max-warnings', input('MAX_WARNINGS'));
if (input('CHANGED_SINCE')) args.push('--changed-since', input('CHANGED_SINCE'));
const baseline = input('BASELINE') || 'auto';
const baselineNextTo = path.join(input('CONFIG') ? path.dirname(input('CONFIG')) : target, 'bulkhead-baseline.json');
if (baseline === 'true' || (baseline === 'auto' && fs.existsSync(baselineNextTo))) args.push('--baseline');

function run(format) {
  const r = spawnSync(process.execPath, [bulkhead, ...args, '--format', format], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
  if (r.error) throw r.error;
  if (r.stderr) process.stderr.write(r.stderr);
  return { code: r.status ?? 2, stdout: r.stdout };
}

const outputs = {};
const first = run('json');
outputs['exit-code'] = String(first.code);
let violations = [];
try {
  violations = JSON.parse(first.stdout).violations ?? [];
} catch {
  // Exit 2 before a result (usage error): the other formats say what went wrong.
}
outputs.violations = String(violations.length);
outputs.errors = String(violations.filter((v) => v.severity === 'error').length);
outputs.warnings = String(violations.filter((v) => v.severity === 'warning').length);
console.log(`bulkhead: exit ${first.code}, ${outputs.violations} violation(s): ${outputs.errors} error(s), ${outputs.warnings} warning(s)${args.includes('--baseline') ? ' not in the baseline' : ''}.`);

if (enabled('ANNOTATIONS')) process.stdout.write(run('github').stdout);
outputs['sarif-file'] = '';
if (enabled('SARIF')) {
  const sarif = run('sarif');
  if (sarif.stdout.trim().startsWith('{')) {
    const file = path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'bulkhead.sarif');
    fs.writeFileSync(file, sarif.stdout);
    outputs['sarif-file'] = file;
  }
}
if (enabled('SUMMARY') && process.env.GITHUB_STEP_SUMMARY) fs.appendFileSync(process.env.GITHUB_STEP_SUMMARY, `${run('markdown').stdout}\n`);
if (process.env.GITHUB_OUTPUT) fs.appendFileSync(process.env.GITHUB_OUTPUT, Object.entries(outputs).map(([k, v]) => `${k}=${v}\n`).join(''));
else console.log(outputs);
