import * as path from 'node:path';
import { readJsonObject } from './read-json';

/**
 * The path-alias targets of the root tsconfig (`tsconfig.base.json`, else `tsconfig.json`),
 * workspace-relative: what the repo lets other projects import (`libs/ui/src/index.ts`,
 * `libs/common/src/lib/*`).
 */
export function pathAliasTargets(root: string): string[] {
  for (const name of ['tsconfig.base.json', 'tsconfig.json']) {
    const options = readJsonObject(path.join(root, name))?.compilerOptions as Record<string, unknown> | undefined;
    if (!options) continue;
    const baseUrl = typeof options.baseUrl === 'string' ? options.baseUrl : '.';
    const paths = options.paths && typeof options.paths === 'object' ? (options.paths as Record<string, unknown>) : {};
    const targets = Object.values(paths).flatMap((v) => (Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : []));
    if (targets.length > 0) return targets.map((t) => path.posix.normalize(path.posix.join(baseUrl.replace(/\\/g, '/'), t)));
  }
  return [];
}

/**
 * Public API globs of the project at `dir` given the alias targets inside it: a file target stays
 * a file (`src/index.ts`), a wildcard target covers its folder (`src/lib/*` → `src/lib/**`).
 */
export function publicGlobsFromAliases(dir: string, targets: readonly string[]): string[] {
  const globs = new Set<string>();
  for (const target of targets) {
    if (!target.startsWith(`${dir}/`)) continue;
    const rel = target.slice(dir.length + 1);
    if (rel.includes('*')) globs.add(`${rel.slice(0, rel.indexOf('*')).replace(/\/?$/, '/')}**`.replace(/^\//, ''));
    // A stylesheet or JSON target (`style/css-variables.scss`) is a file too, not a folder.
    else if (/\.([cm]?[jt]sx?|s?css|sass|less|json)$/.test(rel)) globs.add(rel);
    else globs.add(`${rel}/index.ts`);
  }
  return [...globs].sort();
}
