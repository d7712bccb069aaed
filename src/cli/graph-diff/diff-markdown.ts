/**
 * The --since section of the markdown report (a pull-request comment): a small Mermaid graph of
 * only the modules the diff touches and only the dependencies it changed, then a table of them and
 * the violations it added and removed.
 */
import { markdownCode, markdownText as cell } from '../escape/markdown-text';
import { mermaidLabel } from '../escape/graph-labels';
import { MERMAID_STYLE } from '../graph-formats/graph-mermaid';
import { diffSummary, touchedModules, type GraphDiff } from '../../engine';

/** Enough rows to read in a comment; the summary line still counts them all. */
const MAX_ROWS = 50;

export function diffMarkdown(diff: GraphDiff): string[] {
  const { ref, commit } = diff.since;
  const out = ['', `### Module graph since ${markdownCode(ref)} (${markdownCode(commit.slice(0, 12))})`, ''];
  const { dependencies: deps, violations } = diff;
  if (deps.added.length + deps.removed.length + violations.added.length + violations.removed.length + diff.modules.added.length + diff.modules.removed.length === 0) {
    out.push('No module, dependency or violation changed.');
    return out;
  }
  out.push(`${diffSummary(diff)}.`);
  const changed = [...deps.added.map((d) => ({ d, sign: '+' })), ...deps.removed.map((d) => ({ d, sign: '−' }))];
  if (changed.length > 0) {
    const modules = [...touchedModules(diff)].filter((m) => changed.some(({ d }) => d.from === m || d.to === m)).sort();
    const ids = new Map(modules.map((m, i) => [m, `m${i}`]));
    out.push('', '```mermaid', 'graph LR');
    for (const m of modules) out.push(`  ${ids.get(m)}["${mermaidLabel(m)}"]`);
    const styles = { added: [] as number[], removed: [] as number[], violation: [] as number[] };
    changed.slice(0, MAX_ROWS).forEach(({ d, sign }, i) => {
      const text = `${sign} ${d.imports}${d.violations > 0 ? (sign === '+' ? `, ${d.violations} violating` : ', was violating') : ''}`;
      out.push(`  ${ids.get(d.from)} ${sign === '+' ? '-->' : '-.->'}|"${text}"| ${ids.get(d.to)}`);
      styles[sign === '−' ? 'removed' : d.violations > 0 ? 'violation' : 'added'].push(i);
    });
    for (const kind of ['added', 'removed', 'violation'] as const) if (styles[kind].length > 0) out.push(`  linkStyle ${styles[kind].join(',')} ${MERMAID_STYLE[kind]}`);
    out.push('```', '', '| | dependency | imports | violating | declared |', '| --- | --- | ---: | ---: | --- |');
    for (const { d, sign } of changed.slice(0, MAX_ROWS)) out.push(`| ${sign} | ${cell(d.from)} → ${cell(d.to)} | ${d.imports} | ${d.violations} | ${d.declared ? 'yes' : 'no'} |`);
    if (changed.length > MAX_ROWS) out.push('', `… and ${changed.length - MAX_ROWS} more.`);
  }
  for (const [title, list] of [['New violations', violations.added], ['Violations gone', violations.removed]] as const) {
    if (list.length === 0) continue;
    out.push('', `**${title} (${list.length})**`, '', '| where | rule | message |', '| --- | --- | --- |');
    for (const v of list.slice(0, MAX_ROWS)) out.push(`| ${markdownCode(`${v.file}:${v.range.start.line}:${v.range.start.column}`, true)} | ${markdownCode(v.rule, true)} | ${cell(v.message)} |`);
    if (list.length > MAX_ROWS) out.push('', `… and ${list.length - MAX_ROWS} more.`);
  }
  for (const [title, list] of [['Modules added', diff.modules.added], ['Modules removed', diff.modules.removed]] as const) {
    if (list.length > 0) out.push('', `${title}: ${list.map((m) => markdownCode(m)).join(', ')}`);
  }
  return out;
}
