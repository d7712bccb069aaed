import type { ts } from 'ts-morph';

type AliasPattern = { exact: string } | { prefix: string; suffix: string };

/** Compiled once per `paths` object: the question is asked for every unresolved import on every analysis. */
const compiledPaths = new WeakMap<object, AliasPattern[]>();

/** A relative or absolute path, which should always resolve whatever the compiler options. */
export function isPathSpecifier(specifier: string): boolean {
  return specifier.startsWith('.') || specifier.startsWith('/');
}

/** Relative and absolute paths and tsconfig `paths` aliases should always resolve; bare package names may legitimately be missing. */
export function isLocalSpecifier(specifier: string, options: ts.CompilerOptions): boolean {
  if (isPathSpecifier(specifier)) return true;
  if (!options.paths) return false;
  let patterns = compiledPaths.get(options.paths);
  if (!patterns) {
    patterns = Object.keys(options.paths).map((key) => {
      const star = key.indexOf('*');
      return star < 0 ? { exact: key } : { prefix: key.slice(0, star), suffix: key.slice(star + 1) };
    });
    compiledPaths.set(options.paths, patterns);
  }
  return patterns.some((p) => ('exact' in p ? specifier === p.exact : specifier.startsWith(p.prefix) && specifier.endsWith(p.suffix)));
}
