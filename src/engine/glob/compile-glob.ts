import { braceExpand, Minimatch, type MinimatchOptions } from 'minimatch';
import { globLimitProblem } from './glob-limits';

/**
 * `asWritten` is the glob as in the config when the caller rewrote it (module paths' placeholders).
 *
 * The one place the engine compiles a glob from bulkhead.json. A glob over the limits (reported as
 * a config error by validation, at its position) is replaced by one that matches nothing, so the
 * rest of the map is still checked and nothing ever compiles or runs the expensive pattern.
 */
export function compileGlob(glob: string, options: MinimatchOptions = {}, asWritten = glob): Minimatch {
  // No path or name contains NUL, so this pattern matches nothing.
  return new Minimatch(globLimitProblem(asWritten) === undefined ? glob : '\u0000', { dot: true, ...options });
}

/**
 * The alternatives a brace glob stands for (`src/{a,b.ts}` → `src/a`, `src/b.ts`), so that each
 * can be treated as what it names (a folder or a file). A glob over the limits stays as it is.
 */
export function expandBraces(glob: string): string[] {
  return globLimitProblem(glob) === undefined && glob.includes('{') ? braceExpand(glob) : [glob];
}
