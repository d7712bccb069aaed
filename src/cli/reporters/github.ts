import { workflowData as escapeData, workflowProperty as escapeProperty } from '../escape/workflow-command';
import { pathFromCwd, type Reporter } from './reporter';

/**
 * GitHub Actions workflow commands: each violation becomes an annotation on the pull request diff.
 * Paths are relative to the working directory, which in Actions is the repository root.
 */
export const githubReporter: Reporter = (result, { cwd }) => {
  const lines: string[] = [];
  const rel = (file: string): string => pathFromCwd(result, file, cwd);
  const emit = (kind: string, file: string, r: { start: { line: number; column: number }; end: { line: number; column: number } }, title: string, message: string): void => {
    const props = [`file=${rel(file)}`, `line=${r.start.line}`, `col=${r.start.column}`, `endLine=${r.end.line}`, `endColumn=${r.end.column}`, `title=${title}`];
    lines.push(`::${kind} ${props.map((p) => { const i = p.indexOf('='); return `${p.slice(0, i)}=${escapeProperty(p.slice(i + 1))}`; }).join(',')}::${escapeData(message)}`);
  };
  for (const d of result.diagnostics) {
    if (d.severity !== 'info') emit(d.severity === 'error' ? 'error' : 'warning', d.file, d.range, `bulkhead ${d.code}`, d.message);
  }
  for (const v of result.violations) emit(v.severity === 'error' ? 'error' : 'warning', v.file, v.range, `bulkhead ${v.rule}`, v.message);
  const { errors, warnings } = result.summary;
  lines.push(`bulkhead: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${result.summary.files} files`);
  return `${lines.join('\n')}\n`;
};
