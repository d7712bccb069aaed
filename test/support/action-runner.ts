import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as yaml from 'js-yaml';

/** The parts of a composite action's step that the runner below understands. */
export interface ActionStep {
  id?: string;
  name?: string;
  if?: string;
  shell?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
  'working-directory'?: string;
}

export interface ActionFile {
  name: string;
  description: string;
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

export interface ActionRun {
  /** The job's result: the first failing step's exit code, else 0. */
  code: number;
  /** Everything the run steps printed, as the job log shows it. */
  log: string;
  summary: string;
  outputs: Record<string, string>;
  /** Steps that would call another action, with their `with` values evaluated. */
  uses: { uses: string; with: Record<string, string> }[];
  /** Names of the steps whose `if` was false. */
  skipped: string[];
}

export function readAction(file: string): ActionFile {
  return yaml.load(fs.readFileSync(file, 'utf8')) as ActionFile;
}

/**
 * Runs a composite action's steps the way the GitHub runner does: inputs from `with` over the
 * defaults, `${{ }}` expressions (`inputs.*`, `steps.<id>.outputs.*`, `github.workspace`,
 * `always()`, `==`, `!=`, `&&`), each `run` in bash with the runner's environment files, step
 * outputs read back from GITHUB_OUTPUT, and a failed step skipping the later steps unless their
 * `if` asks for `always()`. Steps that `uses:` another action are recorded, not run.
 */
export function runCompositeAction(actionDir: string, workspace: string, given: Record<string, string>): ActionRun {
  const action = readAction(path.join(actionDir, 'action.yml'));
  assertComposite(action);
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'bulkhead-action-'));
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs)) inputs[name] = given[name] ?? spec.default ?? '';
  for (const name of Object.keys(given)) if (!(name in action.inputs)) throw new Error(`the action has no input "${name}"`);
  const steps: Record<string, Record<string, string>> = {};
  const result: ActionRun = { code: 0, log: '', summary: '', outputs: {}, uses: [], skipped: [] };
  const summaryFile = path.join(temp, 'summary.md');
  fs.writeFileSync(summaryFile, '');
  let failed = false;
  const value = (expr: string): string => {
    const e = expr.trim();
    const quoted = /^'(.*)'$/.exec(e);
    if (quoted) return quoted[1];
    const input = /^inputs\.([\w-]+)$/.exec(e);
    if (input) return inputs[input[1]] ?? '';
    const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(e);
    if (output) return steps[output[1]]?.[output[2]] ?? '';
    if (e === 'github.workspace') return workspace;
    if (e === 'github.action_path') return actionDir;
    throw new Error(`expression not understood by the test runner: ${e}`);
  };
  const condition = (expr: string): boolean => {
    return expr.split('&&').every((part) => {
      const p = part.trim();
      if (p === 'always()') return true;
      const compare = /^(.+?)\s*(==|!=)\s*(.+)$/.exec(p);
      if (compare) return (value(compare[1]) === value(compare[3])) === (compare[2] === '==');
      return value(p) !== '' && value(p) !== 'false';
    });
  };
  const substitute = (text: string): string => text.replace(/\$\{\{(.*?)\}\}/g, (_, e: string) => value(e));
  try {
    for (const step of action.runs.steps) {
      const label = step.name ?? step.id ?? step.uses ?? 'step';
      const ifText = step.if ? step.if.replace(/^\$\{\{(.*)\}\}$/s, '$1') : undefined;
      const runs = ifText ? (failed && !ifText.includes('always()') ? false : condition(ifText)) : !failed;
      if (!runs) {
        result.skipped.push(label);
        continue;
      }
      if (step.uses) {
        result.uses.push({ uses: step.uses, with: Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, substitute(String(v))])) });
        continue;
      }
      const outputFile = path.join(temp, `output-${label.replace(/\W+/g, '-')}`);
      fs.writeFileSync(outputFile, '');
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        CI: 'true',
        GITHUB_ACTIONS: 'true',
        GITHUB_ACTION_PATH: actionDir,
        GITHUB_WORKSPACE: workspace,
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile,
        RUNNER_TEMP: temp,
        ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, substitute(String(v))])),
      };
      const r = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', substitute(step.run ?? '')], {
        cwd: step['working-directory'] ? substitute(step['working-directory']) : workspace,
        env,
        encoding: 'utf8',
        input: '',
        timeout: 300_000,
        maxBuffer: 64 * 1024 * 1024,
      });
      result.log += r.stdout + r.stderr;
      if (step.id) steps[step.id] = parseOutputs(fs.readFileSync(outputFile, 'utf8'));
      if (r.status !== 0) {
        failed = true;
        result.code = r.status ?? 1;
      }
    }
    result.summary = fs.readFileSync(summaryFile, 'utf8');
    for (const [name, spec] of Object.entries(action.outputs)) result.outputs[name] = substitute(spec.value);
    return result;
  } finally {
    // The SARIF file lives in RUNNER_TEMP: read it before it goes.
    for (const u of result.uses) {
      const file = u.with.sarif_file;
      if (file && fs.existsSync(file)) u.with.sarif_text = fs.readFileSync(file, 'utf8');
    }
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

function assertComposite(action: ActionFile): void {
  if (action.runs?.using !== 'composite') throw new Error('not a composite action');
  for (const step of action.runs.steps) {
    if (step.run !== undefined && !step.shell) throw new Error(`step "${step.name}" runs without a shell (the runner requires one in composite actions)`);
  }
}

/** `name=value` lines and `name<<DELIMITER` blocks, as the runner reads GITHUB_OUTPUT. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const block = /^([\w-]+)<<(.+)$/.exec(lines[i]);
    if (block) {
      const end = lines.indexOf(block[2], i + 1);
      outputs[block[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
      continue;
    }
    const eq = lines[i].indexOf('=');
    if (eq > 0) outputs[lines[i].slice(0, eq)] = lines[i].slice(eq + 1);
  }
  return outputs;
}
