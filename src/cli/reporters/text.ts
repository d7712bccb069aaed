import type { CheckResult, InputDiagnostic, Violation } from '../../engine';
import { notWorkflowCommand, printable } from '../escape/terminal-text';
import { paint } from '../terminal';
import { pathFromCwd, type Reporter } from './reporter';

interface Row {
  line: number;
  column: number;
  severity: string;
  message: string;
  code: string;
}

/** Human output: problems grouped by file (stylish-like), then a one-line summary. */
export const textReporter: Reporter = (result, { color, cwd }) => {
  const p = paint(color);
  const display = (file: string): string => {
    const rel = pathFromCwd(result, file, cwd);
    return rel === '' ? '.' : notWorkflowCommand(printable(rel));
  };
  const byFile = new Map<string, Row[]>();
  const add = (file: string, row: Row): void => {
    const rows = byFile.get(file) ?? [];
    rows.push(row);
    byFile.set(file, rows);
  };
  for (const v of result.violations) add(v.file, violationRow(v));
  for (const d of result.diagnostics) add(d.file, diagnosticRow(d));

  const out: string[] = [];
  for (const file of [...byFile.keys()].sort()) {
    const rows = byFile.get(file)!.sort((a, b) => a.line - b.line || a.column - b.column);
    out.push(p.underline(display(file)));
    const posWidth = Math.max(...rows.map((r) => `${r.line}:${r.column}`.length));
    for (const r of rows) {
      const sev = r.severity === 'error' ? p.red('error') : r.severity === 'info' ? p.dim('info ') : p.yellow('warn ');
      out.push(`  ${p.dim(`${r.line}:${r.column}`.padEnd(posWidth))}  ${sev}  ${printable(r.message)}  ${p.dim(printable(r.code))}`);
    }
    out.push('');
  }
  out.push(summaryLine(result, p));
  if (result.baseline) {
    const { known, fixed, updated, file: baselineFile } = result.baseline;
    const fixedNote = fixed.length === 0 ? '' : updated ? `, ${fixed.length} fixed and dropped from it` : `, ${fixed.length} fixed (run with --update-baseline to drop them)`;
    out.push(p.dim(`  baseline ${printable(baselineFile)}: ${known} known violation${known === 1 ? '' : 's'} not shown${fixedNote}`));
  }
  if (result.changedSince) out.push(p.dim(`  only files changed since ${printable(result.changedSince.ref)} (${result.changedSince.files} files)`));
  if (result.summary.suppressed > 0) out.push(p.dim(`  ${result.summary.suppressed} silenced by bulkhead-ignore comments`));
  return `${out.join('\n')}\n`;
};

function violationRow(v: Violation): Row {
  return { line: v.range.start.line, column: v.range.start.column, severity: v.severity === 'error' ? 'error' : 'warn', message: v.message, code: v.rule };
}

function diagnosticRow(d: InputDiagnostic): Row {
  const severity = d.severity === 'warning' ? 'warn' : d.severity;
  return { line: d.range.start.line, column: d.range.start.column, severity, message: d.message, code: d.code };
}

function summaryLine(result: CheckResult, p: ReturnType<typeof paint>): string {
  const { errors, warnings, files, modules, durationMs } = result.summary;
  const configErrors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const scope = `${files} file${files === 1 ? '' : 's'}, ${modules} module${modules === 1 ? '' : 's'}, ${durationMs} ms`;
  if (configErrors > 0) {
    return p.red(p.bold(`✖ ${configErrors} configuration error${configErrors === 1 ? '' : 's'} in ${printable(result.config)}; fix ${configErrors === 1 ? 'it' : 'them'} to check the workspace.`));
  }
  const total = errors + warnings;
  if (total === 0) return p.green(p.bold(`✔ No ${result.baseline ? 'new ' : ''}boundary violations (${scope})`));
  const text = `✖ ${total} boundary violation${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}) (${scope})`;
  return errors > 0 ? p.red(p.bold(text)) : p.yellow(p.bold(text));
}
