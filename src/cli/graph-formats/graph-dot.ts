import { modulePairKey } from '../../engine';
import { dotString as quote } from '../escape/graph-labels';
import type { Reporter } from '../reporters/reporter';

/**
 * Graphviz: undeclared dependencies dashed, violating and cyclic ones red, labels are import
 * counts. With --since, added dependencies green with "+", removed ones grey dashed with "−".
 */
export const graphDot: Reporter = (result, { diff }) => {
  const lines = ['digraph bulkhead {', '  rankdir=LR;', '  node [shape=box, style=rounded, fontname="Helvetica"];'];
  for (const m of result.modules) lines.push(`  ${quote(m.name)} [label=${quote(m.name, `${m.fileCount} files`)}];`);
  for (const name of diff?.modules.removed ?? []) lines.push(`  ${quote(name)} [label=${quote(name, 'removed')}, style="rounded,dashed", color=gray55, fontcolor=gray40];`);
  const added = new Set(diff?.dependencies.added.map((d) => modulePairKey(d.from, d.to)));
  for (const d of result.dependencies) {
    const plus = added.has(modulePairKey(d.from, d.to)) ? '+ ' : '';
    const attrs = [`label=${quote(`${plus}${d.violations > 0 ? `${d.imports} (${d.violations} violating)` : String(d.imports)}`)}`];
    if (d.violations > 0 || d.inCycle) attrs.push('color=red', 'fontcolor=red');
    else if (plus) attrs.push('color=green4', 'fontcolor=green4');
    if (d.inCycle || plus) attrs.push('penwidth=2');
    if (!d.declared) attrs.push('style=dashed');
    lines.push(`  ${quote(d.from)} -> ${quote(d.to)} [${attrs.join(', ')}];`);
  }
  for (const d of diff?.dependencies.removed ?? []) lines.push(`  ${quote(d.from)} -> ${quote(d.to)} [label=${quote(`− ${d.imports}`)}, style=dashed, color=gray55, fontcolor=gray40];`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
};
