/**
 * Bounds on the globs of bulkhead.json. minimatch compiles each path segment to a backtracking
 * regular expression: `*a*a*a*b` against one 255-character folder name takes seconds, one more
 * star minutes; brace alternatives multiply (`{a,b}` sixteen times is 65,536 patterns); and
 * `**` segments in a module path backtrack over every folder depth. Within these bounds the worst
 * case stays in milliseconds per path, so an untrusted map cannot hang the CLI or the server.
 */
export const GLOB_LIMITS = {
  /** Characters in one glob. */
  length: 512,
  /** `*` runs (and `<placeholder>`s) in one path segment. */
  starsPerSegment: 3,
  /** `**` segments in one glob. */
  globstars: 4,
  /** Patterns a glob expands to through `{a,b}` alternatives and `{1..9}` ranges. */
  braceExpansions: 64,
} as const;

/** What is wrong with `glob`, naming the limit, or undefined when it is within bounds. */
export function globLimitProblem(glob: string): string | undefined {
  if (glob.length > GLOB_LIMITS.length) {
    return `is ${glob.length} characters long; globs are limited to ${GLOB_LIMITS.length} characters.`;
  }
  const expansions = braceExpansions(glob);
  if (expansions > GLOB_LIMITS.braceExpansions) {
    return `expands to ${expansions >= CAP ? 'too many' : expansions} patterns through its {…} alternatives; the limit is ${GLOB_LIMITS.braceExpansions}.`;
  }
  const segments = glob.replace(/\\./g, '_').split('/');
  const globstars = segments.filter((s) => s === '**').length;
  if (globstars > GLOB_LIMITS.globstars) {
    return `has ${globstars} "**" segments; the limit is ${GLOB_LIMITS.globstars}.`;
  }
  for (const segment of segments) {
    if (segment === '**') continue;
    const stars = (segment.match(/\*+|<[A-Za-z_][\w-]*>/g) ?? []).length;
    if (stars > GLOB_LIMITS.starsPerSegment) {
      return `has ${stars} wildcards in the path segment "${segment}"; the limit is ${GLOB_LIMITS.starsPerSegment} per segment.`;
    }
  }
  return undefined;
}

const CAP = 1_000_000;

/** How many patterns brace expansion makes of `glob` (capped), without expanding it. */
export function braceExpansions(glob: string): number {
  let pos = 0;
  // A sequence of literals and brace groups, up to `,` or `}` at this depth when nested.
  const sequence = (nested: boolean): number => {
    let product = 1;
    while (pos < glob.length) {
      const c = glob[pos];
      if (c === '\\') pos += 2;
      else if (nested && (c === ',' || c === '}')) return product;
      else if (c === '{') {
        pos++;
        product = Math.min(CAP, product * group());
      } else pos++;
    }
    return product;
  };
  const group = (): number => {
    const start = pos;
    let sum = sequence(true);
    let alternatives = 1;
    while (glob[pos] === ',') {
      pos++;
      sum = Math.min(CAP, sum + sequence(true));
      alternatives++;
    }
    const body = glob.slice(start, pos);
    if (glob[pos] === '}') pos++;
    if (alternatives > 1) return sum;
    return rangeLength(body) ?? sum;
  };
  return sequence(false);
}

/** `{1..20}`, `{a..z}`, `{0..100..5}`: the number of values, else undefined. */
function rangeLength(body: string): number | undefined {
  const m = /^(-?\d+|[A-Za-z])\.\.(-?\d+|[A-Za-z])(?:\.\.(-?\d+))?$/.exec(body);
  if (!m) return undefined;
  const value = (s: string): number => (/^-?\d+$/.test(s) ? Number(s) : s.charCodeAt(0));
  const step = Math.max(1, Math.abs(Number(m[3] ?? 1)));
  return Math.min(CAP, Math.floor(Math.abs(value(m[2]) - value(m[1])) / step) + 1);
}
