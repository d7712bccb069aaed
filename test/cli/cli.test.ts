import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import { REPO_ROOT } from '../support/fixtures';
import { spawnSync } from 'node:child_process';
import { runCli, stable, type CliRun } from '../support/run-cli';

const EXPECTED = path.join(REPO_ROOT, 'test/cli/expected');
const noStackTrace = (text: string): void => assert.doesNotMatch(text, /\n\s+at .+:\d+:\d+/);

/** Compares with a checked-in golden file; UPDATE_GOLDEN=1 rewrites it after a deliberate change. */
function assertGolden(name: string, actual: string): void {
  const file = path.join(EXPECTED, name);
  if (process.env.UPDATE_GOLDEN) fs.writeFileSync(file, actual);
  assert.equal(actual, fs.readFileSync(file, 'utf8'));
}

describe('cli: bulkhead as a process', () => {
  it('--version prints the package version', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    const r = runCli(['--version']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout.trim(), version);
  });

  it('--help lists the commands and exit codes', () => {
    const r = runCli(['--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Usage: bulkhead <command>/);
    assert.match(r.stdout, /check \[path\]/);
    assert.match(r.stdout, /graph \[path\]/);
  });

  it('rejects an unknown command and an unknown option with exit 2 and no stack trace', () => {
    for (const args of [['lint'], ['check', '--frobnicate'], ['check', 'a', 'b']]) {
      const r = runCli(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /^bulkhead: /);
      noStackTrace(r.stderr);
    }
  });

  it('check on the example prints violations grouped by file and exits 1', () => {
    const r = runCli(['check', 'examples/shop']);
    assert.equal(r.code, 1, r.stderr);
    assertGolden('shop-check.txt', stable(r.stdout));
    assert.equal(r.stderr, '');
  });

  it('check on a clean workspace exits 0', () => {
    const r = runCli(['check', 'test/fixtures/resolve-paths-no-baseurl']);
    const expectedViolations = fs.readFileSync(path.join(REPO_ROOT, 'test/fixtures/resolve-paths-no-baseurl/expected.txt'), 'utf8').trim();
    assert.equal(r.code, expectedViolations.includes('error ') ? 1 : 0, r.stdout);
    const clean = path.join(os.tmpdir(), `bulkhead-clean-${process.pid}`);
    fs.mkdirSync(path.join(clean, 'src/a'), { recursive: true });
    fs.writeFileSync(path.join(clean, 'bulkhead.json'), '{ "modules": [{ "name": "a", "path": "src/a" }] }');
    fs.writeFileSync(path.join(clean, 'src/a/index.ts'), 'export const a = 1;\n');
    try {
      const ok = runCli(['check', clean]);
      assert.equal(ok.code, 0, ok.stdout);
      assert.match(ok.stdout, /✔ No boundary violations \(1 file, 1 module, \d+ ms\)/);
    } finally {
      fs.rmSync(clean, { recursive: true, force: true });
    }
  });

  it('finds bulkhead.json in a parent folder and accepts --config', () => {
    const inner = runCli(['check', 'examples/shop/src/modules']);
    assert.equal(inner.code, 1);
    assert.match(inner.stdout, /examples\/shop\/src\/modules\//);
    const viaConfig = runCli(['check', '--config', 'examples/shop/bulkhead.json']);
    assert.equal(viaConfig.code, 1);
    assert.equal(stable(viaConfig.stdout), stable(inner.stdout));
  });

  it('reports a broken config at file:line:col with exit 2', () => {
    const r = runCli(['check', 'test/fixtures/config-syntax-error']);
    assert.equal(r.code, 2);
    assert.match(r.stdout, /test\/fixtures\/config-syntax-error\/bulkhead\.json\n\s+\d+:\d+\s+error\s+JSON syntax error/);
    assert.match(r.stdout, /configuration error/);
    noStackTrace(r.stdout + r.stderr);
  });

  it('explains a missing config and a missing path with exit 2', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'bulkhead-noconfig-'));
    try {
      const r = runCli(['check', empty], empty);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /No bulkhead\.json found/);
      const missing = runCli(['check', path.join(empty, 'nope')]);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /No such file or folder/);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  it('--format json matches the documented result schema', () => {
    const r = runCli(['check', 'examples/shop', '--format', 'json']);
    assert.equal(r.code, 1);
    const result = JSON.parse(r.stdout) as { violations: { severity: string }[]; summary: { errors: number } };
    const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'rules/schema/result.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    assert.ok(validate(result), JSON.stringify(validate.errors, null, 2));
    assert.ok(result.violations.length > 0);
    assert.equal(result.summary.errors, result.violations.filter((v) => v.severity === 'error').length);
  });

  it('graph prints json, dot and mermaid with edge counts', () => {
    const json = runCli(['graph', 'test/fixtures/rule-cycle']);
    assert.equal(json.code, 0, json.stderr);
    const graph = JSON.parse(json.stdout);
    assert.ok(graph.modules.length > 0);
    assert.ok(graph.dependencies.every((d: { imports: number }) => d.imports > 0));
    assertGolden('rule-cycle-graph.dot', runCli(['graph', 'test/fixtures/rule-cycle', '--format', 'dot']).stdout);
    assertGolden('rule-cycle-graph.mmd', runCli(['graph', 'test/fixtures/rule-cycle', '--format', 'mermaid']).stdout);
    const bad = runCli(['graph', 'test/fixtures/rule-cycle', '--format', 'svg']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /Unknown format "svg"/);
  });

  it('--cache answers an unchanged workspace without loading TypeScript, and a changed file with its scanner alone while no import needs resolving', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bulkhead-cache-'));
    try {
      const ws = path.join(tmp, 'shop');
      fs.cpSync(path.join(REPO_ROOT, 'examples/shop'), ws, { recursive: true });
      const old = new Date(Date.now() - 60_000);
      for (const f of fs.readdirSync(ws, { recursive: true, encoding: 'utf8' })) fs.utimesSync(path.join(ws, f), old, old);
      // The CLI in-process, reporting at exit whether TypeScript (dist/typescript.js) and its scanner
      // chunk (dist/typescript-scanner.js) were required.
      const probe = (): CliRun => {
        const script = `process.exitCode = require(${JSON.stringify(path.join(REPO_ROOT, 'dist/cli.js'))}).main(${JSON.stringify(['check', ws, '--cache-location', path.join(tmp, 'cache.json')])});
process.on('exit', () => process.stderr.write('typescript loaded: ' + ['typescript.js', 'typescript-scanner.js'].map((f) => Object.keys(require.cache).some((k) => k.endsWith('dist/' + f))).join()));`;
        // Without the code cache the chunk is a plain require, which require.cache shows.
        const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', input: '', env: { ...process.env, CI: 'true', NO_COLOR: '1', BULKHEAD_NO_COMPILE_CACHE: '1' } });
        return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
      };
      const cold = probe();
      const warm = probe();
      assert.equal(cold.stderr, 'typescript loaded: true,true');
      assert.equal(warm.stderr, 'typescript loaded: false,false');
      assert.equal([cold.code, warm.code].join(), '1,1');
      assert.equal(stable(warm.stdout), stable(cold.stdout));
      // Re-read by the scanner (dist/typescript-scanner.js); its facts are the same, nothing to resolve.
      const users = path.join(ws, 'src/modules/users/index.ts');
      fs.appendFileSync(users, '// touched\n');
      const touched = probe();
      assert.equal(touched.stderr, 'typescript loaded: false,true');
      assert.equal(stable(touched.stdout), stable(cold.stdout));
      // A new import is resolved, which needs TypeScript.
      fs.appendFileSync(users, "import { listOrders } from '../orders';\n");
      assert.equal(probe().stderr, 'typescript loaded: true,true');
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
