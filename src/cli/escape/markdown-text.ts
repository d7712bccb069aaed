import { printable } from './terminal-text';

/**
 * Workspace names inside Markdown (pull-request summaries): no raw HTML, no links or emphasis, no
 * line breaks that end a table row, and `|` never splits a cell.
 */
export function markdownText(s: string): string {
  return printable(s).replace(/[\\`*_[\]<>|~&]/g, '\\$&');
}

/** A code span; in a table cell `|` must still be escaped (GFM splits cells before code spans). */
export function markdownCode(s: string, inTable = false): string {
  const body = printable(s).replace(/`/g, 'ˋ');
  return `\`${inTable ? body.replace(/\|/g, '\\|') : body}\``;
}
