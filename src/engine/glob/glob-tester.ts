import { GLOBSTAR, type Minimatch } from 'minimatch';

/**
 * `m.match` behind an exact pre-check. Each path a glob matches holds, for one of its brace
 * alternatives, that alternative's longest literal run (`.spec.` of `**\/*.spec.*`, `__tests__`
 * of `**\/__tests__/**`), so a path holding none of them is refused without minimatch, which
 * tries `**\/{webpack,jest,…}.config.*` as 25 patterns, segment by segment. Discovery tests every
 * folder and file of the tree against every `ignore` glob: on medusa (33,000 paths, 11 globs)
 * this was most of the walk.
 */
export function globTester(m: Minimatch): (path: string) => boolean {
  const match = (path: string) => m.match(path);
  if (m.negate || m.comment || m.empty || m.options.nocase || m.options.matchBase) return match;
  const literals: string[] = [];
  for (const alternative of m.set) {
    const literal = longestLiteral(alternative);
    // An alternative with no literal (`**`, `*/*`) can match anything: no pre-check then.
    if (literal === '') return match;
    literals.push(literal);
  }
  return (path) => literals.some((l) => path.includes(l)) && m.match(path);
}

type Part = (typeof Minimatch.prototype.set)[number][number];

function longestLiteral(parts: readonly Part[]): string {
  let longest = '';
  for (const part of parts) {
    for (const run of literalRuns(part)) if (run.length > longest.length) longest = run;
  }
  return longest;
}

/** Literal text every match of one path segment contains. */
function literalRuns(part: Part): string[] {
  if (part === GLOBSTAR) return [];
  // A string part is the segment itself, unescaped.
  if (typeof part === 'string') return [part];
  const glob = (part as RegExp & { _glob?: string })._glob;
  // Classes, extglobs and escapes make runs optional or change their text: no claim then.
  if (typeof glob !== 'string' || /[[\]()!+@|\\{}]/.test(glob)) return [];
  return glob.split(/[*?]+/).filter((run) => run !== '');
}
