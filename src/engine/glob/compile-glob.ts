import { Minimatch, type MinimatchOptions } from 'minimatch';
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
