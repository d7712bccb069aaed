import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import { checkWorkspace, type CheckResult } from '../../src/engine';
import { DEFAULT_SETTINGS } from '../../src/protocol/settings';
import { MAX_DIAGNOSTICS_PER_FILE, toDiagnostics } from '../../src/server/to-diagnostics';
import { FIXTURES } from '../support/fixtures';

describe('server: check result → editor diagnostics', () => {
  const root = path.join(FIXTURES, 'vscode-shop');
  let result: CheckResult;
  before(() => {
    result = checkWorkspace({ root });
  });
  const uri = (rel: string) => pathToFileURL(path.join(root, rel)).href;

  it('puts each violation on its file, 0-based on the specifier, with source, rule code, doc link and fingerprint', () => {
    const byUri = toDiagnostics(result, DEFAULT_SETTINGS);
    assert.deepEqual([...byUri.keys()].sort(), ['src/billing/index.ts', 'src/catalog/review.ts', 'src/orders/place-order.ts', 'src/orders/refund.ts'].map(uri));
    const [d] = byUri.get(uri('src/orders/place-order.ts')) ?? [];
    const violation = result.violations.find((v) => v.rule === 'internal-import');
    assert.deepEqual(d, {
      range: { start: { line: 1, character: 39 }, end: { line: 1, character: 61 } },
      severity: DiagnosticSeverity.Error,
      source: 'bulkhead',
      code: 'internal-import',
      codeDescription: { href: 'https://github.com/bulkhead-dev/bulkhead/blob/main/rules/docs/internal-import.md' },
      message: violation?.message,
      relatedInformation: undefined,
      data: { fingerprint: violation?.fingerprint, rule: 'internal-import' },
    });
  });

  it('links the other step of a cycle as related information', () => {
    const [d] = toDiagnostics(result, DEFAULT_SETTINGS).get(uri('src/billing/index.ts')) ?? [];
    assert.equal(d.code, 'cycle');
    assert.deepEqual(d.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line]), [[uri('src/orders/refund.ts'), 1]]);
  });

  it('applies severity overrides from the settings, including off', () => {
    const byUri = toDiagnostics(result, { ...DEFAULT_SETTINGS, severityOverrides: { cycle: 'off', 'undeclared-dependency': 'hint', 'internal-import': 'default' } });
    assert.equal(byUri.has(uri('src/billing/index.ts')), false);
    assert.equal(byUri.get(uri('src/catalog/review.ts'))?.[0].severity, DiagnosticSeverity.Hint);
    assert.equal(byUri.get(uri('src/orders/place-order.ts'))?.[0].severity, DiagnosticSeverity.Error);
  });

  it('puts config errors on bulkhead.json at their position, and workspace-level ones on the config', () => {
    const withErrors: CheckResult = {
      ...result,
      violations: [],
      diagnostics: [
        { file: 'bulkhead.json', range: { start: { line: 7, column: 60 }, end: { line: 7, column: 67 } }, severity: 'error', code: 'unknown-module', message: 'Unknown module "ordrs"' },
        { file: '.', range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }, severity: 'warning', code: 'no-source-files', message: 'No source files' },
      ],
    };
    const ds = toDiagnostics(withErrors, DEFAULT_SETTINGS).get(uri('bulkhead.json')) ?? [];
    assert.deepEqual(ds.map((d) => [d.range.start.line, d.range.start.character, d.severity, d.code]), [
      [6, 59, DiagnosticSeverity.Error, 'unknown-module'],
      [0, 0, DiagnosticSeverity.Warning, 'no-source-files'],
    ]);
  });

  it('caps one file at MAX_DIAGNOSTICS_PER_FILE, errors first, with a line saying how many more there are', () => {
    const internal = result.violations.find((v) => v.rule === 'internal-import')!;
    const warnings = Array.from({ length: 400 }, (_, i) => ({ ...internal, severity: 'warn' as const, range: { start: { line: i + 1, column: 1 }, end: { line: i + 1, column: 2 } }, fingerprint: `w${i}` }));
    const errors = Array.from({ length: 300 }, (_, i) => ({ ...internal, range: { start: { line: 1000 + i, column: 1 }, end: { line: 1000 + i, column: 2 } }, fingerprint: `e${i}` }));
    const flood: CheckResult = { ...result, violations: [...warnings, ...errors], diagnostics: [] };
    const list = toDiagnostics(flood, DEFAULT_SETTINGS).get(uri(internal.file))!;
    assert.equal(list.length, MAX_DIAGNOSTICS_PER_FILE + 1);
    assert.equal(list.filter((d) => d.severity === DiagnosticSeverity.Error).length, 300, 'every error is kept');
    assert.equal(list.at(-1)!.code, 'too-many-findings');
    assert.match(list.at(-1)!.message, /^200 more Bulkhead findings in this file are not shown/);
  });
});
