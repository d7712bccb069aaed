import { modulePairKey } from '../../engine';
import { mermaidLabel as label } from '../escape/graph-labels';
import type { Reporter } from '../reporters/reporter';

export const MERMAID_STYLE = { violation: 'stroke:#d73a49,color:#d73a49', added: 'stroke:#1a7f37,color:#1a7f37,stroke-width:2px', removed: 'stroke:#8c959f,color:#8c959f,stroke-dasharray:4 3' };

/**
 * Mermaid flowchart for Markdown (GitHub renders it); violating edges drawn red. With --since,
 * added dependencies green with "+", removed ones grey dashed with "−".
 */
export const graphMermaid: Reporter = (result, { diff }) => {
  const ids = new Map(result.modules.map((m, i) => [m.name, `m${i}`]));
  const lines = ['graph LR'];
  for (const m of result.modules) lines.push(`  ${ids.get(m.name)}["${label(m.name)} (${m.fileCount})"]`);
  for (const name of diff?.modules.removed ?? []) {
    ids.set(name, `m${ids.size}`);
    lines.push(`  ${ids.get(name)}["${label(name)} (removed)"]`);
  }
  const added = new Set(diff?.dependencies.added.map((d) => modulePairKey(d.from, d.to)));
  const styles = { violation: [] as number[], added: [] as number[], removed: [] as number[] };
  result.dependencies.forEach((d, i) => {
    const arrow = d.declared ? '-->' : '-.->';
    const plus = added.has(modulePairKey(d.from, d.to));
    const text = `${plus ? '+ ' : ''}${d.violations > 0 ? `${d.imports}, ${d.violations} violating` : String(d.imports)}`;
    lines.push(`  ${ids.get(d.from)} ${arrow}|"${text}"| ${ids.get(d.to)}`);
    if (d.violations > 0 || d.inCycle) styles.violation.push(i);
    else if (plus) styles.added.push(i);
  });
  // Mermaid numbers links in the order they are written: the removed ones come after today's.
  for (const [k, d] of (diff?.dependencies.removed ?? []).entries()) {
    styles.removed.push(result.dependencies.length + k);
    lines.push(`  ${ids.get(d.from)} -.->|"− ${d.imports}"| ${ids.get(d.to)}`);
  }
  for (const kind of ['added', 'removed', 'violation'] as const) if (styles[kind].length > 0) lines.push(`  linkStyle ${styles[kind].join(',')} ${MERMAID_STYLE[kind]}`);
  return `${lines.join('\n')}\n`;
};
