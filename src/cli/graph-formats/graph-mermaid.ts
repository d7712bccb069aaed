import { mermaidLabel as label } from '../escape/graph-labels';
import type { Reporter } from '../reporters/reporter';

/** Mermaid flowchart for Markdown (GitHub renders it); violating edges drawn red. */
export const graphMermaid: Reporter = (result) => {
  const ids = new Map(result.modules.map((m, i) => [m.name, `m${i}`]));
  const lines = ['graph LR'];
  for (const m of result.modules) lines.push(`  ${ids.get(m.name)}["${label(m.name)} (${m.fileCount})"]`);
  const red: number[] = [];
  result.dependencies.forEach((d, i) => {
    const arrow = d.declared ? '-->' : '-.->';
    const text = d.violations > 0 ? `${d.imports}, ${d.violations} violating` : String(d.imports);
    lines.push(`  ${ids.get(d.from)} ${arrow}|"${text}"| ${ids.get(d.to)}`);
    if (d.violations > 0 || d.inCycle) red.push(i);
  });
  if (red.length > 0) lines.push(`  linkStyle ${red.join(',')} stroke:#d73a49,color:#d73a49`);
  return `${lines.join('\n')}\n`;
};
