import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Whether the default cache file (node_modules/.cache/bulkhead under the workspace) really lies
 * inside the workspace. A repository can commit `node_modules` as a symlink to anywhere; writing
 * the cache through it would write outside the checked-out tree. The nearest existing ancestor of
 * the file is resolved, so links anywhere on the way are followed.
 */
export function staysInsideWorkspace(cacheFile: string, root: string): boolean {
  let existing = path.dirname(cacheFile);
  while (!fs.existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  try {
    const real = fs.realpathSync(existing);
    const realRoot = fs.realpathSync(root);
    return real === realRoot || real.startsWith(realRoot + path.sep);
  } catch {
    return false;
  }
}
