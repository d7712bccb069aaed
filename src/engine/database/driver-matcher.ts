import type { Minimatch } from 'minimatch';
import { compileGlob } from '../glob';

const GLOB = /[*?{[]/;

/** Tells whether an import is a database driver, by package name or (for globs) workspace path. */
export class DriverMatcher {
  private readonly names: Set<string>;
  private readonly globs: Minimatch[];

  constructor(entries: readonly string[]) {
    this.names = new Set(entries.filter((e) => !GLOB.test(e)));
    this.globs = entries.filter((e) => GLOB.test(e)).map((e) => compileGlob(e));
  }

  /** Workspaces import the same few specifiers over and over; neither splitting names nor glob matching is free. */
  private readonly memo = new Map<string, string | undefined>();

  /** The driver an import names (its package, or the file it resolves to), else undefined. */
  match(specifier: string, resolvedFile?: string): string | undefined {
    // A relative import is known by the file it resolves to (only globs name files), a package import by its name.
    const relative = isPath(specifier);
    if (relative && this.globs.length === 0) return undefined;
    const key = relative ? resolvedFile ?? specifier : specifier;
    if (this.memo.has(key)) return this.memo.get(key);
    const found = this.compute(specifier, resolvedFile);
    this.memo.set(key, found);
    return found;
  }

  private compute(specifier: string, resolvedFile?: string): string | undefined {
    const pkg = packageName(specifier);
    if (pkg && this.names.has(pkg)) return pkg;
    for (const glob of this.globs) {
      if ((pkg ? glob.match(pkg) || glob.match(specifier) : false) || (resolvedFile && glob.match(resolvedFile))) {
        return pkg ?? specifier;
      }
    }
    return undefined;
  }
}

/** A relative or absolute path, not a package: `./x`, `../x`, `.`, `..`, `/x` (`.prisma/client` is a package). */
function isPath(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..' || specifier.startsWith('/');
}

/** `pg` for `pg/lib/client`, `@prisma/client` for `@prisma/client/runtime`; undefined for paths. */
export function packageName(specifier: string): string | undefined {
  if (isPath(specifier)) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') || specifier.startsWith('.prisma/') ? parts.slice(0, 2).join('/') : parts[0];
}
