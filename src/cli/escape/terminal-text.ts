/**
 * Names in a workspace (folders, files, module names, import specifiers) are attacker-controlled
 * in an untrusted repository. Before they reach a terminal or a CI log, every control character
 * is shown as a visible escape: a newline could start a GitHub workflow command (`::add-mask::`),
 * ESC could rewrite the terminal, and bidirectional overrides could make a path read differently.
 */
// C0 controls, DEL, C1 controls, line/paragraph separators, bidi embeddings/overrides/isolates.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function printable(s: string): string {
  return s.replace(UNSAFE, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A line whose first visible characters are `::` is a workflow command for the GitHub Actions
 * runner, whatever tool printed it. Lines that start with workspace text go through this.
 */
export function notWorkflowCommand(line: string): string {
  return /^\s*::/.test(line) ? `./${line.trimStart()}` : line;
}
