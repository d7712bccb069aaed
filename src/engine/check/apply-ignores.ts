import type { Finding } from '../rules';
import type { IgnoreComment } from '../suppress';

export interface IgnoreOutcome {
  kept: Finding[];
  suppressed: number;
  /** Problems with the comments themselves: missing reason, unknown rule, unused. */
  commentFindings: Finding[];
}

/**
 * Drops findings silenced by an ignore comment naming their rule on their line (or just above), and
 * reports comments without a reason, naming unknown rules, or silencing nothing. A comment naming
 * an `undecided` rule (whose findings are not all among `findings`) is never reported as unused.
 */
export function applyIgnores(
  findings: readonly Finding[],
  ignoresByFile: ReadonlyMap<string, readonly IgnoreComment[]>,
  knownRules: readonly string[],
  enabledRules: ReadonlySet<string>,
  undecided: ReadonlySet<string> = new Set(),
): IgnoreOutcome {
  const used = new Set<IgnoreComment>();
  const kept: Finding[] = [];
  let suppressed = 0;
  for (const f of findings) {
    const comments = ignoresByFile.get(f.file);
    const fileLevel = f.range.start.line === 1 && f.range.start.column === 1 && f.rule === 'unowned-file';
    const match = comments?.find((c) => c.rules.includes(f.rule) && (fileLevel || c.targetLine === f.range.start.line));
    if (match) {
      used.add(match);
      suppressed++;
    } else kept.push(f);
  }
  const commentFindings: Finding[] = [];
  for (const [file, comments] of ignoresByFile) {
    for (const c of comments) {
      const unknown = c.rules.filter((r) => !knownRules.includes(r));
      if (c.rules.length === 0 || unknown.length > 0 || c.reason === '') {
        const problem = c.rules.length === 0
          ? 'names no rule'
          : unknown.length > 0
            ? `names unknown rule${unknown.length > 1 ? 's' : ''} ${unknown.map((r) => `"${r}"`).join(', ')} (known: ${knownRules.join(', ')})`
            : 'gives no reason';
        commentFindings.push({
          rule: 'ignore-comment',
          file,
          range: c.range,
          message: `This bulkhead-ignore comment ${problem}. Write it as "// bulkhead-ignore <rule>: <why this is acceptable>".`,
          identity: `ignore-comment ${c.rules.join(',')}`,
        });
      } else if (!used.has(c) && c.rules.some((r) => enabledRules.has(r)) && !c.rules.some((r) => undecided.has(r))) {
        commentFindings.push({
          rule: 'unused-ignore',
          file,
          range: c.range,
          message: `Unused bulkhead-ignore: no ${c.rules.join('/')} violation on line ${c.targetLine} to silence. Remove the comment.`,
          identity: `unused-ignore ${c.rules.join(',')} ${c.reason}`,
        });
      }
    }
  }
  return { kept, suppressed, commentFindings };
}
