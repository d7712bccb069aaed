import { minimatch } from 'minimatch';

const GLOB = /[*?{[]/;

/** Tells whether an import is a database driver, by package name or (for globs) workspace path. */
export class DriverMatcher {
  private readonly names: Set<string>;
  private readonly globs: string[];

  constructor(entries: readonly string[]) {
    this.names = new Set(entries.filter((e) => !GLOB.test(e)));
    this.globs = entries.filter((e) => GLOB.test(e));
  }

  /** The driver an import names (its package, or the file it resolves to), else undefined. */
  match(specifier: string, resolvedFile?: string): string | undefined {
    const pkg = packageName(specifier);
    if (pkg && this.names.has(pkg)) return pkg;
    for (const glob of this.globs) {
      if ((pkg && minimatch(pkg, glob)) || minimatch(specifier, glob) || (resolvedFile && minimatch(resolvedFile, glob, { dot: true }))) {
        return pkg ?? specifier;
      }
    }
    return undefined;
  }
}

/** `pg` for `pg/lib/client`, `@prisma/client` for `@prisma/client/runtime`; undefined for paths. */
export function packageName(specifier: string): string | undefined {
  if (specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..' || specifier.startsWith('/')) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') || specifier.startsWith('.prisma/') ? parts.slice(0, 2).join('/') : parts[0];
}
