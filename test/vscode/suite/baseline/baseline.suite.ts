import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BaselineUpdate } from '../../../../src/protocol/messages';
import { bulkhead, codeOf, fileUri, folderUri, waitFor } from '../helpers';

/** The repository's CLI: the suites are compiled to out/tsc/test/vscode/suite/<suite>/. */
const CLI = path.resolve(__dirname, '../../../../../../bin/bulkhead.js');
const BASELINE = 'bulkhead-baseline.json';

interface Shown {
  file: string;
  line: number;
  rule: string;
  severity: vscode.DiagnosticSeverity;
  message: string;
}

/** Every Bulkhead diagnostic in the workspace, as `file:line rule`, sorted. */
function shown(): Shown[] {
  return vscode.languages.getDiagnostics()
    .flatMap(([uri, ds]) => ds.filter((d) => d.source === 'bulkhead').map((d) => ({
      file: vscode.workspace.asRelativePath(uri), line: d.range.start.line + 1, rule: codeOf(d) ?? '', severity: d.severity, message: d.message,
    })))
    .sort((a, b) => `${a.file}:${a.line}`.localeCompare(`${b.file}:${b.line}`));
}

const errors = () => shown().filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map((d) => `${d.file}:${d.line} ${d.rule}`);
const hints = () => shown().filter((d) => d.severity === vscode.DiagnosticSeverity.Hint).map((d) => `${d.file}:${d.line} ${d.rule}`);

/** Waits until the editor's errors and hints are exactly these. */
async function expectShown(want: { errors: string[]; hints: string[] }, what: string): Promise<void> {
  try {
    await waitFor(() => JSON.stringify({ errors: errors(), hints: hints() }) === JSON.stringify(want), what);
  } catch (e) {
    throw new Error(`${(e as Error).message}; shown: ${JSON.stringify({ errors: errors(), hints: hints() })}`);
  }
}

/** `bulkhead check --baseline --format json` on the same folder, as CI runs it. */
function cliCheck(): { code: number | null; violations: string[]; known: number; fixed: number } {
  const r = spawnSync(process.execPath, [CLI, 'check', folderUri().fsPath, '--baseline', '--format', 'json'], { encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', CI: 'true' }, timeout: 60_000 });
  assert.ok(r.stdout, `the CLI printed nothing: ${r.stderr || r.error}`);
  const json = JSON.parse(r.stdout) as { violations: { file: string; range: { start: { line: number } }; rule: string }[]; baseline: { known: number; fixed: unknown[] } };
  return { code: r.status, violations: json.violations.map((v) => `${v.file}:${v.range.start.line} ${v.rule}`).sort(), known: json.baseline.known, fixed: json.baseline.fixed.length };
}

async function readBaseline(): Promise<{ entries: { file: string; rule: string }[] }> {
  return JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(fileUri(BASELINE))).toString('utf8'));
}

async function write(rel: string, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(fileUri(rel), Buffer.from(text, 'utf8'));
}

const KNOWN = ['src/billing/index.ts:1 cycle', 'src/catalog/review.ts:1 undeclared-dependency', 'src/orders/place-order.ts:2 internal-import'];
const NEW = ['src/orders/refund.ts:2 undeclared-dependency'];

describe('bulkhead-baseline.json in the editor', () => {
  const config = () => vscode.workspace.getConfiguration('bulkhead');
  after(async () => {
    await config().update('baseline', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('shows known violations as hints saying "known (baseline)", the new one as the only error, as check --baseline does', async () => {
    const { context } = await bulkhead();
    await expectShown({ errors: NEW, hints: KNOWN }, 'known violations as hints');
    assert.ok(shown().filter((d) => d.severity === vscode.DiagnosticSeverity.Hint).every((d) => d.message.includes('known (baseline)')));
    await waitFor(() => context.statusBar.text === '$(layers) 1 violation', `status bar counts the new violation only, last: ${context.statusBar.text}`);
    assert.deepEqual(context.status.map((f) => ({ ...f.baseline, file: path.basename(f.baseline?.file ?? '') })), [{ file: BASELINE, known: 3, fixed: 0 }]);

    const cli = cliCheck();
    assert.equal(cli.code, 1);
    assert.deepEqual(cli.violations, errors(), 'editor errors = CLI violations');
    assert.equal(cli.known, hints().length);
  });

  it('a new violation is an error at once, with known ones still hints', async () => {
    await write('src/catalog/price.ts', "import { placeOrder } from '../orders';\nexport const price = placeOrder;\n");
    await expectShown({ errors: ['src/catalog/price.ts:1 undeclared-dependency', ...NEW], hints: KNOWN }, 'the new violation as an error');
    await vscode.workspace.fs.delete(fileUri('src/catalog/price.ts'));
    await expectShown({ errors: NEW, hints: KNOWN }, 'back to one error');
  });

  it('follows edits of the baseline: an entry removed is an error again, the file deleted shows all, recreated hides them', async () => {
    const original = Buffer.from(await vscode.workspace.fs.readFile(fileUri(BASELINE))).toString('utf8');
    // edited in the editor and saved, as a reviewer would
    const doc = await vscode.workspace.openTextDocument(fileUri(BASELINE));
    const edit = new vscode.WorkspaceEdit();
    const without = JSON.parse(original) as { entries: { file: string }[] };
    without.entries = without.entries.filter((e) => e.file !== 'src/catalog/review.ts');
    edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), `${JSON.stringify(without, null, 2)}\n`);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await doc.save());
    await expectShown({ errors: ['src/catalog/review.ts:1 undeclared-dependency', ...NEW], hints: KNOWN.filter((k) => !k.includes('review')) }, 'the removed entry as an error');

    await vscode.workspace.fs.delete(fileUri(BASELINE));
    await expectShown({ errors: [...KNOWN, ...NEW].sort(), hints: [] }, 'every violation an error without a baseline');
    await write(BASELINE, original);
    await expectShown({ errors: NEW, hints: KNOWN }, 'known violations hints again');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('the setting hides known violations ("hide") or ignores the baseline ("ignore")', async () => {
    await config().update('baseline', 'hide', vscode.ConfigurationTarget.Workspace);
    await expectShown({ errors: NEW, hints: [] }, 'known violations hidden');
    assert.equal(shown().filter((d) => d.rule !== 'schema-not-found').length, 1, 'nothing else from Bulkhead');
    await config().update('baseline', 'ignore', vscode.ConfigurationTarget.Workspace);
    await expectShown({ errors: [...KNOWN, ...NEW].sort(), hints: [] }, 'the baseline ignored');
    await config().update('baseline', undefined, vscode.ConfigurationTarget.Workspace);
    await expectShown({ errors: NEW, hints: KNOWN }, 'back to hints');
  });

  it('"Update Baseline" removes a fixed violation from the file, as check --update-baseline would', async () => {
    const { context } = await bulkhead();
    const placeOrder = Buffer.from(await vscode.workspace.fs.readFile(fileUri('src/orders/place-order.ts'))).toString('utf8');
    await write('src/orders/place-order.ts', placeOrder.replace("'../users/domain/user'", "'../users'"));
    await expectShown({ errors: NEW, hints: KNOWN.filter((k) => !k.includes('place-order')) }, 'the fixed violation gone');
    await waitFor(() => context.status[0]?.baseline?.fixed === 1, 'one fixed entry in the status');
    await waitFor(() => / · 1 fixed$/.test(context.statusBar.text), `status bar mentions the fixed entry, last: ${context.statusBar.text}`);
    assert.equal(cliCheck().fixed, 1, 'the CLI sees the same fixed entry');

    const updates = await vscode.commands.executeCommand<BaselineUpdate[]>('bulkhead.updateBaseline');
    assert.deepEqual(updates.map((u) => [u.removed, u.entries, u.written]), [[1, 2, true]]);
    assert.deepEqual((await readBaseline()).entries.map((e) => e.file), ['src/billing/index.ts', 'src/catalog/review.ts']);
    await waitFor(() => context.status[0]?.baseline?.fixed === 0 && context.statusBar.text === '$(layers) 1 violation', `status without fixed entries, last: ${context.statusBar.text}`);
    const cli = cliCheck();
    assert.deepEqual([cli.known, cli.fixed, cli.violations], [2, 0, NEW]);
  });

  it('"Record Baseline" writes a missing baseline with today\'s violations, as bulkhead baseline does', async () => {
    await vscode.workspace.fs.delete(fileUri(BASELINE));
    await waitFor(() => errors().length === 3, 'all violations errors without a baseline');
    const updates = await vscode.commands.executeCommand<BaselineUpdate[]>('bulkhead.recordBaseline');
    assert.deepEqual(updates.map((u) => [u.entries, u.written]), [[3, true]]);
    await expectShown({ errors: [], hints: ['src/billing/index.ts:1 cycle', 'src/catalog/review.ts:1 undeclared-dependency', ...NEW] }, 'everything known');
    const cli = cliCheck();
    assert.deepEqual([cli.code, cli.known, cli.violations], [0, 3, []]);
  });
});
