import { dotString as quote } from '../escape/graph-labels';
import type { Reporter } from '../reporters/reporter';

/** Graphviz: undeclared dependencies dashed, violating and cyclic ones red, labels are import counts. */
export const graphDot: Reporter = (result) => {
  const lines = ['digraph bulkhead {', '  rankdir=LR;', '  node [shape=box, style=rounded, fontname="Helvetica"];'];
  for (const m of result.modules) lines.push(`  ${quote(m.name)} [label=${quote(m.name, `${m.fileCount} files`)}];`);
  for (const d of result.dependencies) {
    const attrs = [`label=${quote(d.violations > 0 ? `${d.imports} (${d.violations} violating)` : String(d.imports))}`];
    if (d.violations > 0 || d.inCycle) attrs.push('color=red', 'fontcolor=red');
    if (d.inCycle) attrs.push('penwidth=2');
    if (!d.declared) attrs.push('style=dashed');
    lines.push(`  ${quote(d.from)} -> ${quote(d.to)} [${attrs.join(', ')}];`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
};
