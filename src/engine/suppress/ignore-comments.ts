import type { Range } from '../model';

/** A `// bulkhead-ignore <rule>[, <rule>]: <reason>` comment. */
export interface IgnoreComment {
  rules: string[];
  reason: string;
  /** Where the comment is. */
  range: Range;
  /** The line whose violations it silences: its own line when it trails code, else the next code line. */
  targetLine: number;
}

const MARKER = 'bulkhead-ignore';
const COMMENT = /(\/\/|\/\*)\s*bulkhead-ignore\b([^:\n*]*)(?::([^\n]*?))?\s*(?:\*\/)?\s*$/;

/**
 * Comment lines that import something (`/// <reference path="…" />`, an `@jsxImportSource` pragma):
 * their violations are silenced like those of code lines, by the comment above or at their end.
 */
const IMPORT_IN_COMMENT = /^\/\/\/\s*<reference\s|@jsxImportSource\s/i;

/** Finds ignore comments with a line scan; files without the marker cost one `includes`. */
export function findIgnoreComments(text: string): IgnoreComment[] {
  if (!text.includes(MARKER)) return [];
  const lines = text.split(/\r\n|\r|\n/);
  const found: IgnoreComment[] = [];
  const pending: IgnoreComment[] = [];
  lines.forEach((line, i) => {
    const m = COMMENT.exec(line);
    const trimmed = line.trim();
    const commentOnly = (trimmed.startsWith('//') || trimmed.startsWith('/*') || trimmed.startsWith('*')) && !IMPORT_IN_COMMENT.test(trimmed);
    if (!commentOnly && trimmed !== '') {
      for (const c of pending) c.targetLine = i + 1;
      pending.length = 0;
    }
    if (m && !insideString(line, m.index)) {
      const comment: IgnoreComment = {
        rules: m[2].split(/[\s,]+/).filter(Boolean),
        reason: (m[3] ?? '').trim(),
        range: { start: { line: i + 1, column: m.index + 1 }, end: { line: i + 1, column: line.length + 1 } },
        targetLine: i + 1,
      };
      found.push(comment);
      if (commentOnly) pending.push(comment);
    }
  });
  return found;
}

/** A marker after an odd number of quotes is inside a string literal, not a comment. */
function insideString(line: string, index: number): boolean {
  const before = line.slice(0, index);
  return ['"', "'", '`'].some((q) => (before.split(q).length - 1) % 2 === 1);
}
