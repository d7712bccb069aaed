import * as path from 'node:path';
import { ts } from 'ts-morph';
import { resolvesNodeLike } from './resolution-kind';

const NODE_MODULES = `${path.sep}node_modules${path.sep}`;

/** The file system as TypeScript's resolver sees it: `exists` with build outputs, `isFile` on disk. */
export interface RelativeLookup {
  exists: (file: string) => boolean;
  isFile: (file: string) => boolean;
}

/**
 * TypeScript's answer for the most common imports, `./orders` or `../domain/order` naming a
 * `.ts`/`.tsx` file or a folder's `index.ts`/`index.tsx`, without its resolver (a third of a cold
 * check's resolution time on real trees). For an extensionless name outside node_modules, under a
 * node-like resolution in CommonJS or bundler mode, without `rootDirs` or `moduleSuffixes`,
 * TypeScript tries `<name>.ts`, `<name>.tsx`, `<name>.d.ts`, then (node10 after the folder)
 * `<name>.js` and `<name>.jsx`, then the folder: its package.json, `index.ts`, `index.tsx`. This
 * follows that order while every step is a plain file check, and gives way to TypeScript at the
 * first that is not (a declaration file, a JavaScript file, a folder's package.json) or where none
 * matched. Undefined: TypeScript decides.
 */
export function relativeTsFile(specifier: string, containingDir: string, options: ts.CompilerOptions, mode: ts.ResolutionMode, fs: RelativeLookup): string | undefined {
  if (!resolvesNodeLike(options) || options.rootDirs || options.moduleSuffixes || mode === ts.ModuleKind.ESNext) return undefined;
  if (!(specifier.startsWith('./') || specifier.startsWith('../')) || specifier.endsWith('/') || specifier.includes('\\')) return undefined;
  const candidate = path.resolve(containingDir, specifier);
  const base = path.basename(candidate);
  // `.`/`..` forms name folders; a dot in the name starts TypeScript's extension rules.
  if (base.includes('.') || base === '' || candidate.includes(NODE_MODULES)) return undefined;
  for (const file of [`${candidate}.ts`, `${candidate}.tsx`]) if (fs.isFile(file)) return file;
  // Node10 tries the folder before JavaScript files, bundler and node16 after them.
  const before = [`${candidate}.d.ts`, `${candidate}.js`, `${candidate}.jsx`, path.join(candidate, 'package.json')];
  if (before.some(fs.exists)) return undefined;
  for (const file of [path.join(candidate, 'index.ts'), path.join(candidate, 'index.tsx')]) if (fs.isFile(file)) return file;
  return undefined;
}
