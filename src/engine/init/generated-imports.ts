import * as path from 'node:path';
import ignoreFactory from 'ignore';

/** An import TypeScript could not resolve, as the first check reports it. */
export interface UnresolvedSite {
  file: string;
  specifier: string;
}

/** A workspace package's folder, and the entry its package.json names (`lib/common/index.d.ts`). */
export interface PackageLocation {
  folder: string;
  entry?: string;
}

/**
 * The unresolved imports that point into paths the root `.gitignore` ignores: build output
 * (`@theia/core/lib/browser` of a workspace package, `../lib/theia` from a bin script) and generated
 * code (`prisma/generated-prisma-client`) that a fresh clone does not have yet. They resolve once
 * the build or the generator has run; until then they are not checked at all, so the note tells
 * the user to run it before `bulkhead check`. `packageOf` finds a workspace package by name.
 */
export function unresolvedIntoIgnored(
  gitignore: string | undefined,
  unresolved: readonly UnresolvedSite[],
  packageOf: (name: string) => PackageLocation | undefined,
): { count: number; roots: string[] } {
  if (gitignore === undefined || unresolved.length === 0) return { count: 0, roots: [] };
  const ignored = ignoreFactory().add(gitignore);
  const roots = new Map<string, number>();
  let count = 0;
  for (const site of unresolved) {
    const target = targetPath(site, packageOf);
    if (target === undefined || !ignored.ignores(target)) continue;
    count++;
    const root = ignoredRoot(target, (p) => ignored.ignores(p));
    roots.set(root, (roots.get(root) ?? 0) + 1);
  }
  // The folders most imports point into first: those are the builds worth running.
  return { count, roots: [...roots].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([r]) => r) };
}

/** Workspace-relative path an import names: relative to its file, or inside a workspace package. */
function targetPath(site: UnresolvedSite, packageOf: (name: string) => PackageLocation | undefined): string | undefined {
  if (/^\.\.?\//.test(site.specifier)) {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(site.file), site.specifier));
    return target.startsWith('..') ? undefined : target;
  }
  const parts = site.specifier.split('/');
  const nameParts = parts[0].startsWith('@') ? 2 : 1;
  const pkg = packageOf(parts.slice(0, nameParts).join('/'));
  if (pkg === undefined) return undefined;
  // A bare package name reads its package.json entry (`@theia/core` → `lib/common/index.d.ts`).
  const inside = parts.length > nameParts ? parts.slice(nameParts).join('/') : pkg.entry;
  if (inside === undefined) return undefined;
  const target = path.posix.normalize(path.posix.join(pkg.folder, inside));
  return target.startsWith('..') ? undefined : target;
}

/** The outermost folder (or the file) of `target` that git ignores: `packages/core/lib`. */
function ignoredRoot(target: string, ignores: (p: string) => boolean): string {
  const parts = target.split('/');
  for (let i = 1; i < parts.length; i++) {
    const prefix = parts.slice(0, i).join('/');
    if (ignores(prefix) || ignores(`${prefix}/`)) return prefix;
  }
  return target;
}
