import * as path from 'node:path';
import { ts } from 'ts-morph';
import { resolvesNodeLike } from './resolution-kind';

/** What TypeScript adds to `node_modules/<name>` for a bare name's file (the declaration forms for `@types`). */
const FILE_FORMS = ['.ts', '.tsx', '.d.ts', '.js', '.jsx'];

/** The file system as TypeScript's resolver sees it (the resolution host's, virtual package links included). */
export interface PackageLookup {
  directoryExists: (dir: string) => boolean;
  fileExists: (file: string) => boolean;
}

/**
 * Whether TypeScript's resolution of a bare name certainly finds nothing, so it need not be asked
 * (an uninstalled package in a fresh clone cost ~250 µs each, most of them on medusa). Under a
 * node-like resolution without `baseUrl` or `moduleSuffixes`, for a name that no `paths` pattern
 * matches and that is neither
 * `#imports` nor the package's own (`selfNameScope` is '', see ModuleResolver), TypeScript looks
 * only in the node_modules folders of `chain` (ResolutionHost.nodeModulesChain): for
 * `<name>/<rest>` in `node_modules/<name>` and `node_modules/@types/<mangled name>`, for a bare
 * `<name>` also in the files `node_modules/<name>.ts` (and the other forms). When none of those
 * folders and files exists, it finds nothing.
 */
export function packageSurelyMissing(specifier: string, chain: readonly string[], options: ts.CompilerOptions, selfNameScope: string, fs: PackageLookup): boolean {
  if (!resolvesNodeLike(options) || options.baseUrl || options.moduleSuffixes || selfNameScope !== '' || mapsPath(options.paths, specifier)) return false;
  if (specifier.startsWith('#') || specifier.startsWith('.') || specifier.startsWith('/') || specifier.includes('\\') || specifier.includes(':')) return false;
  const parts = specifier.split('/');
  const scoped = specifier.startsWith('@');
  if (parts.some((p) => p === '' || p === '.' || p === '..') || (scoped && parts.length < 2)) return false;
  const first = parts[0];
  const bare = parts.length === (scoped ? 2 : 1);
  // `@types/scope__name` for `@scope/name`.
  const typesFirst = scoped ? `${first.slice(1)}__${parts[1]}` : first;
  for (const dir of chain) {
    const folder = path.join(dir, 'node_modules');
    // A scope folder holds every file of its packages: without it, nothing under it exists.
    if (fs.directoryExists(path.join(folder, first))) return false;
    if (!scoped && bare && FILE_FORMS.some((form) => fs.fileExists(path.join(folder, first + form)))) return false;
    const types = path.join(folder, '@types');
    if (fs.directoryExists(path.join(types, typesFirst))) return false;
    if (bare && fs.fileExists(path.join(types, `${typesFirst}.d.ts`))) return false;
  }
  return true;
}

/** Whether a `paths` pattern (exact, or with one `*`) matches the name: TypeScript then tries its targets first. */
function mapsPath(paths: ts.MapLike<string[]> | undefined, specifier: string): boolean {
  if (!paths) return false;
  return Object.keys(paths).some((pattern) => {
    const star = pattern.indexOf('*');
    if (star < 0) return pattern === specifier;
    const [prefix, suffix] = [pattern.slice(0, star), pattern.slice(star + 1)];
    return specifier.length >= prefix.length + suffix.length && specifier.startsWith(prefix) && specifier.endsWith(suffix);
  });
}
