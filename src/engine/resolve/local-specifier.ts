import type { ts } from 'ts-morph';

/** Relative and absolute paths and tsconfig `paths` aliases should always resolve; bare package names may legitimately be missing. */
export function isLocalSpecifier(specifier: string, options: ts.CompilerOptions): boolean {
  if (specifier.startsWith('.') || specifier.startsWith('/')) return true;
  for (const key of Object.keys(options.paths ?? {})) {
    const star = key.indexOf('*');
    if (star < 0 ? specifier === key : specifier.startsWith(key.slice(0, star)) && specifier.endsWith(key.slice(star + 1))) return true;
  }
  return false;
}
