import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { checkWorkspace } from '../../src/engine';
import { DEFAULT_SETTINGS, type BaselineMode } from '../../src/protocol/settings';
import { BaselineFilter, KNOWN_SUFFIX } from '../../src/server/baseline-filter';
import { toDiagnostics, type DiagnosticData } from '../../src/server/to-diagnostics';
import { FIXTURES } from '../support/fixtures';
import { runCli } from '../support/run-cli';

/** A fresh copy of test/fixtures/vscode-baseline: 4 violations, 3 of them in its baseline. */
function copyFixture(): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'bulkhead-baseline-')));
  fs.cpSync(path.join(FIXTURES, 'vscode-baseline'), root, { recursive: true });
  return root;
}

describe('server: bulkhead-baseline.json in the editor', function () {
  this.timeout(120_000);
  const roots: string[] = [];
  after(() => roots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));
  const workspace = () => {
    const root = copyFixture();
    roots.push(root);
    return root;
  };

  /** The editor's diagnostics of a fresh check of the folder with the baseline applied. */
  function editor(root: string, baseline: BaselineMode, filter = new BaselineFilter()) {
    const settings = { ...DEFAULT_SETTINGS, baseline };
    const result = checkWorkspace({ root });
    const byUri = filter.apply(root, result, toDiagnostics(result, settings), settings);
    const all = [...byUri.entries()].flatMap(([uri, ds]) => ds.map((d) => ({ uri, ...d })));
    return { result, filter, all, status: filter.status(root), errors: all.filter((d) => d.severity === DiagnosticSeverity.Error) };
  }
  const fingerprints = (ds: Diagnostic[]) => ds.map((d) => (d.data as DiagnosticData).fingerprint).sort();
  const uri = (root: string, rel: string) => pathToFileURL(path.join(root, rel)).href;

  it('shows known violations as hints saying "known (baseline)" and new ones with their severity, as check --baseline reports them', () => {
    const root = workspace();
    const { all, errors, status } = editor(root, 'hint');
    assert.deepEqual(errors.map((d) => d.uri), [uri(root, 'src/orders/refund.ts')]);
    const hints = all.filter((d) => d.severity === DiagnosticSeverity.Hint);
    assert.equal(hints.length, 3);
    assert.ok(hints.every((d) => d.message.endsWith(KNOWN_SUFFIX) && KNOWN_SUFFIX.includes('known (baseline)')));
    assert.deepEqual(status, { errors: 1, warnings: 0, baseline: { file: path.join(root, 'bulkhead-baseline.json'), known: 3, fixed: 0 } });

    const cli = runCli(['check', root, '--baseline', '--format', 'json']);
    assert.equal(cli.code, 1, cli.stderr);
    const json = JSON.parse(cli.stdout) as { violations: { fingerprint: string }[]; baseline: { known: number; fixed: unknown[] } };
    assert.deepEqual(fingerprints(errors), json.violations.map((v) => v.fingerprint).sort());
    assert.equal(status?.baseline.known, json.baseline.known);
    assert.equal(status?.baseline.fixed, json.baseline.fixed.length);
  });

  it('"hide" drops known violations, "ignore" shows every violation with its severity and no baseline status', () => {
    const root = workspace();
    const hidden = editor(root, 'hide');
    assert.deepEqual(hidden.all.map((d) => d.uri), [uri(root, 'src/orders/refund.ts')]);
    const ignored = editor(root, 'ignore');
    assert.equal(ignored.errors.length, 4);
    assert.equal(ignored.status, undefined);
  });

  it('follows the file: an entry removed makes that violation an error again; a deleted baseline means no known violations', () => {
    const root = workspace();
    const filter = new BaselineFilter();
    assert.equal(editor(root, 'hint', filter).errors.length, 1);
    const file = path.join(root, 'bulkhead-baseline.json');
    const baseline = JSON.parse(fs.readFileSync(file, 'utf8')) as { entries: { file: string }[] };
    baseline.entries = baseline.entries.filter((e) => e.file !== 'src/catalog/review.ts');
    fs.writeFileSync(file, JSON.stringify(baseline));
    const edited = editor(root, 'hint', filter);
    assert.deepEqual(edited.errors.map((d) => d.uri).sort(), [uri(root, 'src/catalog/review.ts'), uri(root, 'src/orders/refund.ts')]);
    fs.rmSync(file);
    const gone = editor(root, 'hint', filter);
    assert.equal(gone.errors.length, 4);
    assert.equal(gone.status, undefined);
  });

  it('a broken baseline is an error on the file itself, and every violation counts as new (check --baseline refuses it too)', () => {
    const root = workspace();
    fs.writeFileSync(path.join(root, 'bulkhead-baseline.json'), '{ "version": 1, "entries": [ ');
    const { all, errors, status } = editor(root, 'hint');
    const onFile = all.filter((d) => d.uri === uri(root, 'bulkhead-baseline.json'));
    assert.equal(onFile.length, 1);
    assert.match(onFile[0].message, /not valid JSON.*Recreate it with "bulkhead baseline"/);
    assert.equal(errors.length, 5);
    assert.match(status?.baseline.error ?? '', /not valid JSON/);
    assert.equal(runCli(['check', root, '--baseline']).code, 2);
  });

  it('Update Baseline writes what check --update-baseline writes (fixed entries dropped), Record what bulkhead baseline writes', () => {
    const [editorRoot, cliRoot] = [workspace(), workspace()];
    for (const root of [editorRoot, cliRoot]) {
      fs.writeFileSync(path.join(root, 'src/orders/place-order.ts'), fs.readFileSync(path.join(root, 'src/orders/place-order.ts'), 'utf8').replace("'../users/domain/user'", "'../users'"));
    }
    const { result, filter, status } = editor(editorRoot, 'hint');
    assert.equal(status?.baseline.fixed, 1);
    const update = filter.update(editorRoot, result, false);
    assert.deepEqual({ ...update, file: path.basename(update.file) }, { folder: editorRoot, file: 'bulkhead-baseline.json', removed: 1, entries: 2, written: true });
    assert.equal(runCli(['check', cliRoot, '--update-baseline']).code, 1);
    const read = (root: string) => fs.readFileSync(path.join(root, 'bulkhead-baseline.json'), 'utf8');
    assert.equal(read(editorRoot), read(cliRoot));
    assert.equal(filter.update(editorRoot, result, false).written, false, 'nothing left to remove');
    assert.equal(editor(editorRoot, 'hint', filter).status?.baseline.fixed, 0);

    assert.equal(filter.update(editorRoot, result, true).entries, 3);
    assert.equal(runCli(['baseline', cliRoot]).code, 0);
    assert.equal(read(editorRoot), read(cliRoot));
  });
});
