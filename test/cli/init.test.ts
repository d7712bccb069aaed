import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FIXTURES } from '../support/fixtures';
import { runCli } from '../support/run-cli';

/** Each test/fixtures/init-* workspace, with what `init` must infer in its expected-init/ folder. */
const SHAPES = fs.readdirSync(FIXTURES).filter((name) => name.startsWith('init-') && !name.startsWith('init-from-')).sort();
const TEST_OR_TOOL_FILE = /(\.spec\.|\.test\.|\.e2e-spec\.|\.stories\.|(^|\/)(tests?|__tests__|e2e|__mocks__|[^/]*-e2e)\/|(^|\/)[^/]*\.config\.[cm]?[jt]s$|(^|\/)\.[^/]*\.[cm]?[jt]s$)/;

/** Compares with a checked-in file; UPDATE_GOLDEN=1 rewrites it after a deliberate change. */
function assertGolden(file: string, actual: string): void {
  if (process.env.UPDATE_GOLDEN) fs.writeFileSync(file, actual);
  assert.equal(actual, fs.readFileSync(file, 'utf8'), path.relative(FIXTURES, file));
}

function copyWorkspace(fixture: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bulkhead-${path.basename(fixture)}-`));
  fs.cpSync(fixture, dir, { recursive: true, filter: (src) => path.basename(src) !== 'expected-init' });
  return dir;
}

describe('cli: bulkhead init on each repo shape (test/fixtures/init-*)', function () {
  this.timeout(120_000);
  assert.ok(SHAPES.length >= 6, `expected the init fixtures, found ${SHAPES.join(', ')}`);

  for (const shape of SHAPES) {
    it(`${shape}: init --write infers the expected map, which loads, and check reports the expected findings`, () => {
      const expected = path.join(FIXTURES, shape, 'expected-init');
      const dir = copyWorkspace(path.join(FIXTURES, shape));
      try {
        const init = runCli(['init', '--write'], dir);
        assert.equal(init.code, 0, init.stderr);
        assertGolden(path.join(expected, 'output.txt'), init.stdout + init.stderr);
        assertGolden(path.join(expected, 'bulkhead.json'), fs.readFileSync(path.join(dir, 'bulkhead.json'), 'utf8'));

        const check = runCli(['check', '--format', 'json'], dir);
        assert.notEqual(check.code, 2, check.stderr);
        const result = JSON.parse(check.stdout) as { violations: { rule: string; file: string; message: string; range: { start: { line: number; column: number } } }[] };
        assert.deepEqual(result.violations.filter((v) => TEST_OR_TOOL_FILE.test(v.file)).map((v) => v.file), [], 'findings in test or tool-config files');
        const lines = result.violations.map((v) => `${v.rule} ${v.file}:${v.range.start.line}:${v.range.start.column} ${v.message}`).sort();
        assertGolden(path.join(expected, 'check.txt'), lines.join('\n') + '\n');
        // The first check is what init announced.
        assert.match(init.stdout + init.stderr, new RegExp(lines.length === 0 ? 'no findings' : `report ${lines.length} finding`));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it('writes no $schema into node_modules/bulkhead unless that file exists', () => {
    const dir = copyWorkspace(path.join(FIXTURES, 'init-index-folders'));
    try {
      assert.doesNotMatch(runCli(['init'], dir).stdout, /\$schema/);
      const schema = path.join(dir, 'node_modules/bulkhead/rules/schema/bulkhead.schema.json');
      fs.mkdirSync(path.dirname(schema), { recursive: true });
      fs.writeFileSync(schema, '{}');
      assert.match(runCli(['init'], dir).stdout, /"\$schema": "\.\/node_modules\/bulkhead\/rules\/schema\/bulkhead\.schema\.json"/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
