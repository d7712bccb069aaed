import * as path from 'node:path';

/** Workspace-relative path with `/` separators; what users see and what configs match. */
export type RelPath = string & { readonly __brand: 'RelPath' };
/** Absolute file-system path in the platform's form. */
export type AbsPath = string & { readonly __brand: 'AbsPath' };

export function toPosix(p: string): string {
  return p.replace(/\\/g, '/');
}

export function absPath(p: string): AbsPath {
  return path.resolve(p) as AbsPath;
}

export function relPath(root: AbsPath, file: string): RelPath {
  return toPosix(path.relative(root, file)) as RelPath;
}

export function fromRel(root: AbsPath, rel: string): AbsPath {
  return path.join(root, rel) as AbsPath;
}
