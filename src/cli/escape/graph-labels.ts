import { printable } from './terminal-text';

/**
 * A Graphviz quoted string, one line per argument (joined by Graphviz's own `\n`): `"` and `\`
 * are escaped, which also disables label escapes such as `\N` or `\l` inside names.
 */
export function dotString(...lines: string[]): string {
  return `"${lines.map((l) => printable(l).replace(/\\/g, '\\\\').replace(/"/g, '\\"')).join('\\n')}"`;
}

/** Text inside a Mermaid `["…"]` label: entity codes for what would end the label or become HTML. */
export function mermaidLabel(s: string): string {
  return printable(s).replace(/#/g, '#35;').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
}
