import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv04 from 'ajv-draft-04';
import { readAction, runCompositeAction } from '../support/action-runner';
import { REPO_ROOT } from '../support/fixtures';
import { runCli } from '../support/run-cli';

const SARIF_SCHEMA = path.join(REPO_ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

function copyExample(): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'bulkhead-action-ws-')));
  fs.cpSync(path.join(REPO_ROOT, 'examples/shop'), dir, { recursive: true, filter: (src) => !src.includes('node_modules') });
  return dir;
}

function validSarif(text: string | undefined): { results: number } {
  assert.ok(text, 'no SARIF file was handed to the upload step');
  const log = JSON.parse(text) as { runs: { results: unknown[] }[] };
  const validate = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false }).compile(JSON.parse(fs.readFileSync(SARIF_SCHEMA, 'utf8')));
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  return { results: log.runs[0].results.length };
}

/**
 * The GitHub Action (action.yml) run step by step as the runner runs a composite action, on a
 * copy of the bundled example: the same commands, environment files and step conditions.
 */
describe('GitHub Action (action.yml), run as a workflow runs it', function () {
  this.timeout(180_000);

  it('declares a composite action whose inputs and outputs are documented, and every run step has a shell', () => {
    const action = readAction(path.join(REPO_ROOT, 'action.yml'));
    assert.equal(action.runs.using, 'composite');
    for (const [name, spec] of Object.entries(action.inputs)) assert.ok(spec.description, `input ${name} has no description`);
    for (const [name, spec] of Object.entries(action.outputs)) assert.ok(spec.description && spec.value, `output ${name}`);
    assert.ok(action.runs.steps.filter((s) => s.run).every((s) => s.shell === 'bash'));
    const docs = fs.readFileSync(path.join(REPO_ROOT, 'docs/ci.md'), 'utf8');
    for (const name of Object.keys(action.inputs)) assert.ok(docs.includes(`\`${name}\``), `docs/ci.md does not describe input ${name}`);
  });

  it('on violations: annotations, a valid SARIF upload, the job summary, outputs, and the job fails with 1 after the upload', () => {
    const ws = copyExample();
    try {
      const run = runCompositeAction(REPO_ROOT, ws, {});
      const json = JSON.parse(runCli(['check', ws, '--format', 'json']).stdout) as { violations: { severity: string }[] };
      assert.equal(run.code, 1, run.log);
      assert.equal(run.outputs['exit-code'], '1');
      assert.equal(run.outputs.violations, String(json.violations.length));
      assert.equal(run.outputs.errors, String(json.violations.filter((v) => v.severity === 'error').length));
      assert.equal((run.log.match(/^::error file=/gm) ?? []).length, json.violations.filter((v) => v.severity === 'error').length, run.log);
      assert.match(run.summary, /^## Bulkhead: ✖ \d+ boundary violations/m);
      assert.deepEqual(run.uses.map((u) => u.uses), ['github/codeql-action/upload-sarif@v3']);
      assert.equal(run.uses[0].with.category, 'bulkhead');
      assert.equal(validSarif(run.uses[0].with.sarif_text).results, json.violations.length);
      assert.deepEqual(run.skipped, []);
      assert.match(run.log, /bulkhead check exited with 1/);
    } finally {
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });

  it('with a baseline next to bulkhead.json (baseline: auto): known violations pass, a new one fails', () => {
    const ws = copyExample();
    try {
      assert.equal(runCli(['baseline', ws]).code, 0);
      const clean = runCompositeAction(REPO_ROOT, ws, {});
      assert.equal(clean.code, 0, clean.log);
      assert.equal(clean.outputs.violations, '0');
      assert.deepEqual(clean.skipped, ['Fail on violations']);
      assert.equal(validSarif(clean.uses[0].with.sarif_text).results, 0);

      // A new reach into billing's internals, from a file the baseline knows.
      fs.appendFileSync(path.join(ws, 'src/modules/orders/application/order-service.ts'), "\nimport { Payment } from '../../billing/domain/payment';\nexport type PaymentSeen = Payment;\n");
      const dirty = runCompositeAction(REPO_ROOT, ws, { summary: 'false', sarif: 'false' });
      assert.equal(dirty.code, 1, dirty.log);
      assert.equal(dirty.outputs.violations, '1', dirty.log);
      assert.equal(dirty.summary, '');
      assert.deepEqual(dirty.uses, []);
      assert.equal(dirty.outputs['sarif-file'], '');
    } finally {
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });

  it('a bulkhead.json that does not load: exit code 2, an annotation naming file:line, fail: false keeps the job green', () => {
    const ws = copyExample();
    try {
      fs.writeFileSync(path.join(ws, 'bulkhead.json'), '{ "modules": [ { "name": "a", "path": 3 } ] }\n');
      const strict = runCompositeAction(REPO_ROOT, ws, { sarif: 'false' });
      assert.equal(strict.code, 2, strict.log);
      assert.match(strict.log, /::error file=bulkhead\.json,line=1,/);
      const lenient = runCompositeAction(REPO_ROOT, ws, { sarif: 'false', fail: 'false' });
      assert.equal(lenient.code, 0, lenient.log);
      assert.equal(lenient.outputs['exit-code'], '2');
    } finally {
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });
});
