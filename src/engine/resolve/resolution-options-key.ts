import { ts } from 'ts-morph';

/**
 * Options that change where TypeScript's module resolution leads. TypeScript keys its own shared
 * resolution caches by the options it marks `affectsModuleResolution` (plus `pathsBasePath`); this
 * list holds those and the options its resolver reads besides (extensions, symlinks), so two
 * projects with the same key resolve every specifier alike from the same folder.
 */
const RESOLUTION_OPTIONS = [
  'target', 'module', 'moduleResolution', 'baseUrl', 'paths', 'pathsBasePath', 'rootDirs', 'typeRoots', 'types',
  'moduleSuffixes', 'resolvePackageJsonExports', 'resolvePackageJsonImports', 'customConditions', 'jsx', 'jsxImportSource',
  'resolveJsonModule', 'allowJs', 'checkJs', 'noDtsResolution', 'allowArbitraryExtensions', 'allowImportingTsExtensions',
  'rewriteRelativeImportExtensions', 'preserveSymlinks', 'noResolve', 'forceConsistentCasingInFileNames',
  'maxNodeModuleJsDepth', 'moduleDetection', 'verbatimModuleSyntax', 'esModuleInterop',
];

/** TypeScript's own list, when the running version exposes it (newer versions may add options). */
const declared = (ts as unknown as { moduleResolutionOptionDeclarations?: readonly { name: string }[] }).moduleResolutionOptionDeclarations ?? [];
const KEYS = [...new Set([...RESOLUTION_OPTIONS, ...declared.map((d) => d.name)])].sort();

/** Equal for two projects' options exactly when every option that can change a resolution is equal. */
export function resolutionOptionsKey(options: ts.CompilerOptions): string {
  return JSON.stringify(KEYS.map((k) => options[k] ?? null));
}
