import type { Violation } from '../model';
import type { Fix } from './fix';

/** What the inserted comment says until the user writes the real reason (it is selected for them). */
export const REASON_PLACEHOLDER = 'TODO explain why this is acceptable';

/**
 * `// bulkhead-ignore <rule>: <reason>` on its own line above the violation, indented like that
 * line. `lineText` is the current text of the violation's line.
 */
export function ignoreCommentFix(violation: Violation, lineText: string): Fix {
  const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
  const line = violation.range.start.line;
  return {
    kind: 'ignore-comment',
    rule: violation.rule,
    title: `Ignore this ${violation.rule} violation with a comment (reason required)`,
    edits: [{
      file: violation.file,
      range: { start: { line, column: 1 }, end: { line, column: 1 } },
      newText: `${indent}// bulkhead-ignore ${violation.rule}: ${REASON_PLACEHOLDER}\n`,
    }],
    placeholder: REASON_PLACEHOLDER,
  };
}
