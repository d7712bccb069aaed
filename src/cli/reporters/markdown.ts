import type { CheckResult } from '../../engine';
import { markdownCode, markdownText as cell } from '../escape/markdown-text';
import { diffMarkdown } from '../graph-diff/diff-markdown';
import type { Reporter } from './reporter';

const MAX_LISTED = 200;
const code = (s: string): string => markdownCode(s, true);

/** A pull-request summary: totals, counts per rule and per module, new vs fixed against the baseline. */
export const markdownReporter: Reporter = (result, { diff }) => {
  const { errors, warnings, files, modules, durationMs } = result.summary;
  const total = errors + warnings;
  const out: string[] = [];
  const configErrors = result.diagnostics.filter((d) => d.severity === 'error');
  if (configErrors.length > 0) {
    out.push(`## Bulkhead: ✖ ${configErrors.length} configuration error${configErrors.length === 1 ? '' : 's'}`, '');
    for (const d of configErrors) out.push(`- ${markdownCode(`${d.file}:${d.range.start.line}:${d.range.start.column}`)} ${cell(d.message)}`);
    return `${out.join('\n')}\n`;
  }
  const fresh = result.baseline ? 'new ' : '';
  out.push(total === 0 ? `## Bulkhead: ✔ no ${fresh}boundary violations` : `## Bulkhead: ✖ ${total} ${fresh}boundary violation${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`);
  const facts = [`${files} files`, `${modules} modules`, `${durationMs} ms`];
  if (result.baseline) facts.push(`baseline: ${result.baseline.known} known, ${result.baseline.fixed.length} fixed`);
  if (result.changedSince) facts.push(`${result.changedSince.files} files changed since ${code(result.changedSince.ref)}`);
  if (result.summary.suppressed > 0) facts.push(`${result.summary.suppressed} silenced by bulkhead-ignore`);
  out.push('', facts.join(' · '));

  if (total > 0) {
    out.push('', '| rule | errors | warnings |', '| --- | ---: | ---: |');
    for (const [rule, [e, w]] of countBy(result, (v) => v.rule)) out.push(`| ${code(rule)} | ${e} | ${w} |`);
    out.push('', '| module | errors | warnings |', '| --- | ---: | ---: |');
    for (const [module, [e, w]] of countBy(result, (v) => v.sourceModule ?? '(no module)')) out.push(`| ${cell(module)} | ${e} | ${w} |`);
    out.push('', `<details><summary>${total} violation${total === 1 ? '' : 's'}</summary>`, '', '| where | rule | message |', '| --- | --- | --- |');
    for (const v of result.violations.slice(0, MAX_LISTED)) {
      out.push(`| ${code(`${v.file}:${v.range.start.line}:${v.range.start.column}`)} | ${code(v.rule)} | ${cell(v.message)} |`);
    }
    if (total > MAX_LISTED) out.push('', `… and ${total - MAX_LISTED} more (see the full report).`);
    out.push('', '</details>');
  }
  if (result.baseline && result.baseline.fixed.length > 0) {
    const fixed = result.baseline.fixed;
    out.push('', `### Fixed since the baseline (${fixed.length})`, '');
    for (const e of fixed.slice(0, MAX_LISTED)) {
      const modules = e.sourceModule && e.targetModule ? ` (${cell(e.sourceModule)} → ${cell(e.targetModule)})` : '';
      out.push(`- ${markdownCode(e.rule)} in ${markdownCode(e.file)}${modules}`);
    }
    out.push('', result.baseline.updated ? 'The baseline was updated to drop them.' : 'Run `bulkhead check --update-baseline` to drop them from the baseline.');
  }
  if (diff) out.push(...diffMarkdown(diff));
  return `${out.join('\n')}\n`;
};

function countBy(result: CheckResult, key: (v: CheckResult['violations'][number]) => string): [string, [number, number]][] {
  const counts = new Map<string, [number, number]>();
  for (const v of result.violations) {
    const c = counts.get(key(v)) ?? [0, 0];
    c[v.severity === 'error' ? 0 : 1]++;
    counts.set(key(v), c);
  }
  return [...counts].sort((a, b) => b[1][0] + b[1][1] - (a[1][0] + a[1][1]) || a[0].localeCompare(b[0]));
}
