import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CheckResult } from '../../src/engine';

export const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const FIXTURES = path.join(REPO_ROOT, 'test/fixtures');

/** Fixture folders that hold a given expectation file. */
export function fixturesWith(expectation: string): string[] {
  return fs
    .readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(FIXTURES, d.name, expectation)))
    .map((d) => d.name)
    .sort();
}

export function readExpectation(file: string): string[] {
  return fs.readFileSync(file, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
}

/** The compact form of test/fixtures/README.md: violations and config diagnostics, sorted. */
export function compactResult(result: CheckResult): string[] {
  const lines = result.violations.map(
    (v) => `${v.severity} ${v.rule} ${v.file}:${v.range.start.line}:${v.range.start.column} ${v.sourceModule ?? '-'} -> ${v.targetModule ?? '-'}`,
  );
  for (const d of result.diagnostics) {
    if (d.file === result.config && (d.severity === 'error' || d.severity === 'warning')) {
      lines.push(`config ${d.severity} ${d.code} ${d.file}:${d.range.start.line}:${d.range.start.column}`);
    }
  }
  return sortC(lines);
}

/** `LC_ALL=C sort`: plain code-unit order. */
export function sortC(lines: string[]): string[] {
  return [...lines].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
