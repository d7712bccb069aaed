import * as path from 'node:path';
import { ts } from 'ts-morph';

const CLASSIC = ts.ModuleResolutionKind.Classic;

/**
 * TypeScript caches resolutions per containing folder, but many specifiers mean the same thing
 * from every folder: `../domain` from two sibling folders names one path, and a `paths` alias
 * such as `@app/orders` maps to one file wherever it is written. This returns a key under which
 * such a resolution can be shared across folders, or undefined when the containing folder may
 * matter (`rootDirs`; trailing `/` or `.` forms, which TypeScript reads as "folder only").
 */
export function relativeResolutionKey(specifier: string, containingFile: string, options: ts.CompilerOptions, mode: ts.ResolutionMode): string | undefined {
  if (!(specifier.startsWith('./') || specifier.startsWith('../')) || options.rootDirs) return undefined;
  if (specifier.endsWith('/') || /(^|\/)\.\.?$/.test(specifier)) return undefined;
  return `${mode ?? ''}|${path.resolve(path.dirname(containingFile), specifier)}`;
}

/**
 * A non-relative specifier means the same from every folder with the same `node_modules` folders
 * above it (`chain`, see ResolutionHost.nodeModulesChain): `paths` and `baseUrl` read only the
 * tsconfig, a self-name and `#imports` the nearest package.json (its folder is `scope`, '' where
 * the specifier can be neither), and
 * TypeScript looks for a package in those node_modules folders, nearest first, and nowhere else.
 * So the key holds all three, and every answer may be shared under it, found or not.
 */
export function nameResolutionKey(specifier: string, scope: string, chain: string, options: ts.CompilerOptions, mode: ts.ResolutionMode): string | undefined {
  // Classic resolution (also the default when a tsconfig names no moduleResolution and an ES
  // module kind) looks for bare names in every folder above the importer: never share those.
  const kind = options.moduleResolution;
  if (kind === undefined || kind === CLASSIC) return undefined;
  return `${mode ?? ''}|${scope}|${chain}|${specifier}`;
}
