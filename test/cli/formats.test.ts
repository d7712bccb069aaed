import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import Ajv04 from 'ajv-draft-04';
import { REPO_ROOT } from '../support/fixtures';
import { runCli } from '../support/run-cli';

const EXPECTED = path.join(REPO_ROOT, 'test/cli/expected');
const FIXTURE = 'test/fixtures/ignore-comments';

/** Output with what differs between machines and runs replaced by placeholders. */
function normalize(text: string): string {
  const root = path.join(REPO_ROOT, FIXTURE);
  return text
    .split(JSON.stringify(root).slice(1, -1)).join('<ROOT>')
    .split(`file://${root}`).join('file://<ROOT>')
    .replace(/"version": "[^"]+"/g, '"version": "<VERSION>"')
    .replace(/"durationMs": \d+/g, '"durationMs": 0')
    .replace(/time="[\d.]+"/g, 'time="0"')
    .replace(/\d+ ms\b/g, 'N ms');
}

function golden(name: string, actual: string): void {
  const file = path.join(EXPECTED, name);
  if (process.env.UPDATE_GOLDEN) fs.writeFileSync(file, actual);
  assert.equal(actual, fs.readFileSync(file, 'utf8'), `${name} differs (UPDATE_GOLDEN=1 rewrites it after a deliberate change)`);
}

describe('cli: every check format against expected output', () => {
  for (const [format, ext] of [['text', 'txt'], ['json', 'json'], ['sarif', 'sarif'], ['github', 'txt'], ['junit', 'xml'], ['markdown', 'md'], ['gitlab', 'json'], ['checkstyle', 'xml']]) {
    it(format, () => {
      const r = runCli(['check', FIXTURE, '--format', format]);
      assert.equal(r.code, 1, r.stderr);
      golden(`ignore-comments.${format}.${ext}`, normalize(r.stdout));
    });
  }

  it('sarif is valid SARIF 2.1.0 with rule metadata, help links and stable fingerprints', () => {
    const r = runCli(['check', FIXTURE, '--format', 'sarif']);
    const log = JSON.parse(r.stdout) as { runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } }; results: { ruleId: string; ruleIndex: number; partialFingerprints: Record<string, string> }[] }[] };
    const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const validate = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false }).compile(schema);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    const run = log.runs[0];
    assert.ok(run.tool.driver.rules.every((rule) => /rules\/docs\/[a-z-]+\.md$/.test(rule.helpUri)));
    assert.ok(run.results.length > 0);
    for (const result of run.results) {
      assert.match(result.partialFingerprints['bulkhead/v1'], /^[0-9a-f]{20}$/);
      assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
    }
  });

  it('gitlab is valid for GitLab\'s Code Quality format, with unique fingerprints and paths relative to the project', () => {
    const r = runCli(['check', 'examples/shop', '--format', 'gitlab']);
    assert.equal(r.code, 1, r.stderr);
    const issues = JSON.parse(r.stdout) as { fingerprint: string; location: { path: string }; severity: string; check_name: string }[];
    const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'test/cli/schemas/gitlab-code-quality.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    assert.ok(validate(issues), JSON.stringify(validate.errors, null, 2));
    assert.equal(issues.length, 7);
    assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length);
    assert.ok(issues.every((i) => i.location.path.startsWith('examples/shop/src/') && i.severity === 'major' && i.check_name.startsWith('bulkhead/')));
    // A broken config is a blocker, so the merge request does not look clean.
    const broken = runCli(['check', 'test/fixtures/config-errors', '--format', 'gitlab']);
    assert.equal(broken.code, 2);
    const blockers = (JSON.parse(broken.stdout) as { severity: string }[]).filter((i) => i.severity === 'blocker');
    assert.ok(blockers.length > 0);
  });

  it('github annotations escape newlines, commas and colons', () => {
    const r = runCli(['check', 'examples/shop', '--format', 'github']);
    const lines = r.stdout.trim().split('\n');
    assert.ok(lines.slice(0, -1).every((l) => /^::(error|warning) file=examples\/shop\/[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=bulkhead [a-z-]+::/.test(l)), lines.join('\n'));
    assert.ok(!lines.some((l) => l.includes('\n')));
  });

  it('--max-warnings turns too many warnings into exit 1, --quiet hides them', () => {
    const fixture = 'test/fixtures/rule-unowned-file';
    assert.equal(runCli(['check', fixture]).code, 0);
    const strict = runCli(['check', fixture, '--max-warnings', '0']);
    assert.equal(strict.code, 1);
    assert.match(strict.stdout, /Too many warnings: 3 > --max-warnings 0/);
    assert.equal(runCli(['check', fixture, '--max-warnings', '3']).code, 0);
    assert.doesNotMatch(runCli(['check', fixture, '--quiet']).stdout, /unowned-file/);
    assert.equal(runCli(['check', fixture, '--max-warnings', 'lots']).code, 2);
  });
});
