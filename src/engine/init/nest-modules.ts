import { INPUT_LIMITS, readRegularText } from '../io';
import * as path from 'node:path';

export interface NestModule {
  folder: string;
  /** The module file and the files declaring the providers its `exports` name, relative to the folder. */
  public: string[];
}

const NEST_IMPORT = /from\s+['"]@nestjs\/common['"]/;
// `@Module(` but not Angular's `@NgModule(`: the decorator name must start right after the `@`.
const MODULE_DECORATOR = /(^|[^\w$])@Module\s*\(/;

/**
 * NestJS feature modules: folders holding a `@Module` class (imported from @nestjs/common; Angular
 * `@NgModule` files are not). A module folder nested inside another one is part of it (a
 * persistence or uploader sub-module), except inside the app's root module folder.
 */
export function findNestModules(files: readonly string[], read: (file: string) => string | undefined): NestModule[] {
  const moduleFiles = new Map<string, string[]>();
  for (const file of files) {
    if (!/\.module\.[cm]?[jt]s$/.test(file)) continue;
    const text = read(file);
    if (!text || !NEST_IMPORT.test(text) || !MODULE_DECORATOR.test(text)) continue;
    const dir = path.posix.dirname(file);
    moduleFiles.set(dir, [...(moduleFiles.get(dir) ?? []), file]);
  }
  const isAppRoot = (dir: string): boolean =>
    dir === '.' || /(^|\/)src$/.test(dir) || (moduleFiles.get(dir) ?? []).some((f) => /(^|\/)app\.module\.[cm]?[jt]s$/.test(f));
  const features = [...moduleFiles.keys()].filter((dir) => !isAppRoot(dir));
  const outermost = features.filter((dir) => !features.some((other) => other !== dir && dir.startsWith(`${other}/`))).sort();
  return outermost.map((folder) => ({ folder, public: publicFiles(folder, moduleFiles.get(folder) ?? [], files, read) }));
}

function publicFiles(folder: string, moduleFiles: string[], files: readonly string[], read: (file: string) => string | undefined): string[] {
  const exported = new Set<string>();
  for (const file of moduleFiles) for (const name of exportedProviders(read(file) ?? '')) exported.add(name);
  const found = new Set(moduleFiles.map((f) => path.posix.relative(folder, f)));
  if (exported.size > 0) {
    for (const file of files) {
      if (!file.startsWith(`${folder}/`) || !/\.[cm]?[jt]sx?$/.test(file)) continue;
      const text = read(file);
      if (!text) continue;
      for (const name of exported) {
        if (new RegExp(`export\\s+(?:default\\s+)?(?:abstract\\s+)?class\\s+${name}\\b`).test(text)) found.add(path.posix.relative(folder, file));
      }
    }
  }
  return [...found].sort();
}

/** Identifiers in the `exports: [...]` of the `@Module({...})` decorator. */
function exportedProviders(text: string): string[] {
  const at = text.search(MODULE_DECORATOR);
  if (at < 0) return [];
  const m = /\bexports\s*:\s*\[([^\]]*)\]/.exec(text.slice(at));
  if (!m) return [];
  return m[1]
    .split(',')
    .map((s) => s.trim())
    .filter((s) => /^[A-Za-z_$][\w$]*$/.test(s));
}

export function fileReader(root: string): (file: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  return (file) => {
    if (!cache.has(file)) {
      try {
        cache.set(file, readRegularText(path.join(root, file), INPUT_LIMITS.config));
      } catch {
        cache.set(file, undefined);
      }
    }
    return cache.get(file);
  };
}
