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
 * A non-relative specifier that TypeScript resolved without walking node_modules came from `paths`,
 * `baseUrl`, a package.json self-name or `#imports`. The first two read nothing but the tsconfig;
 * the last two read the nearest package.json, so the key includes that package's folder (`scope`).
 * Results found in node_modules are never shared: which node_modules folder is nearest depends on
 * the importing folder.
 */
export function aliasResolutionKey(specifier: string, scope: string, options: ts.CompilerOptions, mode: ts.ResolutionMode): string | undefined {
  // Classic resolution (also the default when a tsconfig names no moduleResolution and an ES
  // module kind) looks for bare names in every folder above the importer: never share those.
  const kind = options.moduleResolution;
  if (kind === undefined || kind === CLASSIC) return undefined;
  return `${mode ?? ''}|${scope}|${specifier}`;
}

export function isSharableAliasResult(resolved: ts.ResolvedModuleFull | undefined): boolean {
  return !!resolved && resolved.isExternalLibraryImport === false;
}
