import * as path from 'node:path';
import { INPUT_LIMITS, readRegularText } from '../io';

/** Package name -> absolute folder, for every named package.json in the workspace. */
export function readWorkspacePackages(root: string, packageJsons: readonly string[]): Map<string, string> {
  const packages = new Map<string, string>();
  for (const rel of [...packageJsons].sort((a, b) => a.length - b.length)) {
    try {
      const json = JSON.parse(readRegularText(path.join(root, rel), INPUT_LIMITS.config)) as { name?: unknown };
      if (typeof json.name === 'string' && json.name !== '' && !packages.has(json.name)) {
        packages.set(json.name, path.dirname(path.join(root, rel)));
      }
    } catch {
      // A broken package.json is the package manager's concern; it just is not a workspace package.
    }
  }
  return packages;
}
