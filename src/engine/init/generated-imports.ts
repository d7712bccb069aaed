import * as path from 'node:path';
import ignoreFactory, { type Ignore } from 'ignore';
import { leaves } from './workspace-packages';

/** An import TypeScript could not resolve, as the first check reports it. */
export interface UnresolvedSite {
  file: string;
  specifier: string;
}

/** A workspace package's folder, and the entry its package.json names (`lib/common/index.d.ts`). */
export interface PackageLocation {
  folder: string;
  entry?: string;
  /** The package.json `exports` field, as written. */
  exports?: unknown;
}

/**
 * The unresolved imports that point into paths a `.gitignore` ignores: build output
 * (`@theia/core/lib/browser` of a workspace package, `../lib/theia` from a bin script) and generated
 * code (`prisma/generated-prisma-client`) that a fresh clone does not have yet. They resolve once
 * the build or the generator has run; until then they are not checked at all, so the note tells
 * the user to run it before `bulkhead check`. `packageOf` finds a workspace package by name.
 */
export function unresolvedIntoIgnored(
  read: (file: string) => string | undefined,
  unresolved: readonly UnresolvedSite[],
  packageOf: (name: string) => PackageLocation | undefined,
): { count: number; roots: string[] } {
  const ignoredRootOf = gitignores(read);
  const roots = new Map<string, number>();
  let count = 0;
  for (const site of unresolved) {
    const target = targetPath(site, packageOf);
    const root = target === undefined ? undefined : ignoredRootOf(target);
    if (root === undefined) continue;
    count++;
    roots.set(root, (roots.get(root) ?? 0) + 1);
  }
  // The folders most imports point into first: those are the builds worth running.
  return { count, roots: [...roots].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([r]) => r) };
}

/**
 * The outermost folder (or file) of a path that a `.gitignore` ignores, reading the one at the root
 * and those in the path's folders (`libs/util/code-gen-types/.gitignore`: `src/types/`, written by
 * its generate-types target); undefined when none does.
 */
function gitignores(read: (file: string) => string | undefined): (target: string) => string | undefined {
  const byFolder = new Map<string, Ignore | undefined>();
  const of = (folder: string): Ignore | undefined => {
    if (!byFolder.has(folder)) {
      const text = read(folder === '.' ? '.gitignore' : `${folder}/.gitignore`);
      byFolder.set(folder, text === undefined ? undefined : ignoreFactory().add(text));
    }
    return byFolder.get(folder);
  };
  return (target) => {
    const parts = target.split('/');
    for (let i = 0; i < parts.length; i++) {
      const folder = i === 0 ? '.' : parts.slice(0, i).join('/');
      const rules = of(folder);
      if (!rules) continue;
      // The first segment below `folder` that its rules ignore, as a file or as a folder (the last
      // one too: `./types` may name the folder `types/` and its index file).
      for (let j = i + 1; j <= parts.length; j++) {
        const rel = parts.slice(i, j).join('/');
        if (rules.ignores(rel) || rules.ignores(`${rel}/`)) return parts.slice(0, j).join('/');
      }
    }
    return undefined;
  };
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
  // A bare package name reads its package.json entry (`@theia/core` → `lib/common/index.d.ts`),
  // a subpath what `exports` maps it to (`./utils` → `./dist/utils/index.js`), else itself.
  const subpath = parts.slice(nameParts).join('/');
  const inside = exportTarget(pkg.exports, subpath) ?? (subpath !== '' ? subpath : pkg.entry);
  if (inside === undefined) return undefined;
  const target = path.posix.normalize(path.posix.join(pkg.folder, inside));
  return target.startsWith('..') ? undefined : target;
}

/** The first file `exports` maps a subpath to (`""` is the package itself), with `*` patterns. */
function exportTarget(exports: unknown, subpath: string): string | undefined {
  if (exports === undefined || exports === null) return undefined;
  const key = subpath === '' ? '.' : `./${subpath}`;
  const map = typeof exports === 'object' && !Array.isArray(exports) && Object.keys(exports).some((k) => k.startsWith('.')) ? (exports as Record<string, unknown>) : { '.': exports };
  if (key in map) return leaves(map[key])[0];
  for (const [pattern, value] of Object.entries(map)) {
    const star = pattern.indexOf('*');
    if (star < 0 || !key.startsWith(pattern.slice(0, star)) || !key.endsWith(pattern.slice(star + 1))) continue;
    const matched = key.slice(star, key.length - (pattern.length - star - 1));
    return leaves(value)[0]?.replace(/\*/g, matched);
  }
  return undefined;
}
