import * as path from 'node:path';
import type { ts } from 'ts-morph';

/** Where a bundler looks besides the paths TypeScript knows. */
export interface AssetPlaces {
  /** The folder of a workspace package by name (`@org/ui` → `<root>/libs/ui`). */
  packageFolder?: (name: string) => string | undefined;
  /** The importer's project folder, for web-root paths (`/logo.svg`). */
  webRoot?: string;
}

/**
 * The existing file behind an import TypeScript's resolution leaves to a bundler: a stylesheet,
 * an image, a text file (`./x.css`, `@/assets/logo.svg`, `./a.txt?raw`). It is looked up where
 * TypeScript looks for a code file's path: next to the importer, through `paths` (from
 * `pathsBasePath` or `baseUrl`), under `baseUrl`; in a workspace package by its name
 * (`@org/ui/styles.css`); and a web-root path (`/logo.svg`) in the project folder, then in its
 * `public/` folder, as Vite and webpack dev servers serve them. The specifier is tried as written,
 * then without a bundler's `?query` or `#hash` suffix. Installed packages are not looked up: their
 * assets are outside the workspace's modules.
 */
export function resolveAsset(specifier: string, containingFile: string, options: ts.CompilerOptions, fileExists: (file: string) => boolean, places: AssetPlaces = {}): string | undefined {
  const stripped = withoutSuffix(specifier);
  for (const candidate of stripped === specifier ? [specifier] : [specifier, stripped]) {
    const found = [...candidatePaths(candidate, containingFile, options), ...bundlerPaths(candidate, places)].find(fileExists);
    if (found) return found;
  }
  return undefined;
}

function bundlerPaths(specifier: string, { packageFolder, webRoot }: AssetPlaces): string[] {
  if (specifier.startsWith('/') && !specifier.startsWith('//')) {
    return webRoot === undefined ? [] : [path.join(webRoot, specifier), path.join(webRoot, 'public', specifier)];
  }
  if (specifier.startsWith('.') || path.isAbsolute(specifier) || !packageFolder) return [];
  const parts = specifier.split('/');
  const nameLength = specifier.startsWith('@') ? 2 : 1;
  const folder = parts.length > nameLength ? packageFolder(parts.slice(0, nameLength).join('/')) : undefined;
  return folder ? [path.join(folder, ...parts.slice(nameLength))] : [];
}

/** `./a.txt?raw` → `./a.txt`, `./icons.svg#close` → `./icons.svg`; a leading `#` is a subpath import. */
function withoutSuffix(specifier: string): string {
  const at = specifier.slice(1).search(/[?#]/);
  return at < 0 ? specifier : specifier.slice(0, at + 1);
}

function candidatePaths(specifier: string, containingFile: string, options: ts.CompilerOptions): string[] {
  if (specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../')) {
    return [path.resolve(path.dirname(containingFile), specifier)];
  }
  if (path.isAbsolute(specifier)) return [specifier];
  const candidates: string[] = [];
  const pathsBase = (options as { pathsBasePath?: string }).pathsBasePath ?? options.baseUrl;
  if (options.paths && pathsBase !== undefined) {
    for (const target of aliasTargets(specifier, options.paths)) candidates.push(path.resolve(pathsBase, target));
  }
  if (options.baseUrl !== undefined) candidates.push(path.resolve(options.baseUrl, specifier));
  return candidates;
}

/**
 * The `paths` substitutions for a specifier, as TypeScript picks the pattern: an exact key first,
 * else the matching pattern with the longest prefix before its `*`.
 */
function aliasTargets(specifier: string, paths: ts.MapLike<string[]>): string[] {
  if (Object.prototype.hasOwnProperty.call(paths, specifier) && !specifier.includes('*')) return paths[specifier];
  let best: { key: string; star: string } | undefined;
  for (const key of Object.keys(paths)) {
    const star = key.indexOf('*');
    if (star < 0 || key.indexOf('*', star + 1) >= 0) continue;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (specifier.length < prefix.length + suffix.length || !specifier.startsWith(prefix) || !specifier.endsWith(suffix)) continue;
    if (!best || prefix.length > best.key.indexOf('*')) best = { key, star: specifier.slice(prefix.length, specifier.length - suffix.length) };
  }
  return best ? paths[best.key].map((target) => target.replace('*', best.star)) : [];
}
