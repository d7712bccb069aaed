import { xmlText as xml } from '../escape/xml-text';
import { pathFromCwd, type Reporter } from './reporter';

interface Entry {
  line: number;
  column: number;
  severity: 'error' | 'warning' | 'info';
  message: string;
  source: string;
}

/**
 * Checkstyle XML, read by Jenkins (Warnings Next Generation), many CI dashboards and IDE plugins:
 * one `<file>` per file (paths relative to where the command ran), one `<error>` per violation or
 * input problem, `source` naming the rule.
 */
export const checkstyleReporter: Reporter = (result, { cwd }) => {
  const byFile = new Map<string, Entry[]>();
  const add = (file: string, entry: Entry): void => {
    const name = pathFromCwd(result, file, cwd);
    byFile.set(name, [...(byFile.get(name) ?? []), entry]);
  };
  for (const d of result.diagnostics) {
    add(d.file, { line: d.range.start.line, column: d.range.start.column, severity: d.severity === 'warning' ? 'warning' : d.severity, message: d.message, source: `bulkhead.${d.code}` });
  }
  for (const v of result.violations) {
    add(v.file, { line: v.range.start.line, column: v.range.start.column, severity: v.severity === 'error' ? 'error' : 'warning', message: v.message, source: `bulkhead.${v.rule}` });
  }
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<checkstyle version="4.3">'];
  for (const [file, entries] of [...byFile].sort(([a], [b]) => (a < b ? -1 : 1))) {
    out.push(`  <file name="${xml(file)}">`);
    for (const e of entries) {
      out.push(`    <error line="${e.line}" column="${e.column}" severity="${e.severity}" message="${xml(e.message)}" source="${xml(e.source)}"/>`);
    }
    out.push('  </file>');
  }
  out.push('</checkstyle>');
  return `${out.join('\n')}\n`;
};
