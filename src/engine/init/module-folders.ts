import * as path from 'node:path';
import { foldersOf, isInside, parentOf, type FoundModule, type ModuleKind } from './found-module';

const CONTAINERS = new Set(['modules', 'features', 'plugins', 'extensions', 'addons', 'domains', 'domain-modules', 'contexts', 'bounded-contexts', 'boundedcontexts', 'components', 'slices']);
const DDD_LAYERS = new Set(['domain', 'application', 'infrastructure', 'presentation', 'ports', 'adapters', 'api', 'persistence']);
const SHARED = new Set(['shared', 'common', 'core', 'kernel', 'shared-kernel', 'lib', 'libs', 'utils']);
/** Folders that hold an application's code rather than being a part of it: look inside them. */
const SOURCE_ROOTS = new Set(['src', 'app', 'source', 'sources']);
const INDEX = /^index\.(ts|tsx|mts|js|jsx|mjs)$/;

/**
 * Modules from the folder structure of one application, after the ones already `found` (NestJS
 * modules): module containers (`src/modules/*`), DDD bounded contexts, folders with an `index.ts`,
 * a shared kernel, then every remaining folder that holds files no module owns, so no large
 * folder is left out.
 */
export const SHARED_KERNEL = /^(shared|common|kernel|shared-kernel|sharedkernel)$/i;

export function findStructureModules(files: readonly string[], found: FoundModule[], read: (file: string) => string | undefined = () => undefined): FoundModule[] {
  const dirs = foldersOf(files);
  const childrenOf = new Map<string, string[]>();
  for (const d of [...dirs].sort()) childrenOf.set(parentOf(d), [...(childrenOf.get(parentOf(d)) ?? []), d]);
  const children = (dir: string): string[] => childrenOf.get(dir) ?? [];
  const result = [...found];
  const taken = new Set(found.map((m) => m.folder));
  const add = (folders: string[], kind: ModuleKind): void => {
    for (const folder of folders) {
      if (taken.has(folder) || result.some((m) => isInside(folder, m.folder))) continue;
      taken.add(folder);
      result.push({ folder, kind });
    }
  };
  const base = (d: string): string => path.posix.basename(d);

  for (const container of [...dirs].filter((d) => CONTAINERS.has(base(d))).sort()) add(children(container), 'container');
  add([...dirs].filter((d) => !DDD_LAYERS.has(base(d)) && children(d).filter((c) => DDD_LAYERS.has(base(c))).length >= 2).sort(), 'context');
  // An index file that exports nothing starts something (`app/index.tsx` renders the app, a
  // plugin's `server/index.ts` registers it): it is no public API, and making it one would turn
  // every import into the folder into an internal import.
  const indexed = apiIndexFolders(files, read);
  const indexFolders = [...indexed].filter((d) => d !== '.' && !/(^|\/)src$/.test(d) && ![...indexed].some((o) => o !== '.' && !/(^|\/)src$/.test(o) && isInside(d, o) && o !== d));
  add(indexFolders.sort(), 'index');
  add([...dirs].filter((d) => SHARED.has(base(d)) && /^(src\/)?[^/]+$/.test(d)).sort(), 'shared');

  // Remaining folders with files nobody owns: walk down from the root, stopping at module roots.
  const owned = (file: string): boolean => result.some((m) => isInside(file, m.folder));
  const hasModuleBelow = (dir: string): boolean => result.some((m) => isInside(m.folder, dir) && m.folder !== dir);
  const fill = (dir: string): void => {
    for (const child of children(dir)) {
      if (taken.has(child)) continue;
      if (hasModuleBelow(child) || SOURCE_ROOTS.has(base(child))) {
        fill(child);
        // A folder whose own files sit around its sub-modules (`src/adapter/*.ts` next to
        // `src/adapter/console/`) is a module too; the deeper roots keep their files.
        if (!SOURCE_ROOTS.has(base(child)) && files.some((f) => isInside(f, child) && !owned(f))) add([child], 'folder');
      } else if (files.some((f) => isInside(f, child) && !owned(f))) add([child], 'folder');
    }
  };
  fill('.');
  return result.sort((a, b) => a.folder.localeCompare(b.folder));
}

const EXPORT = /(^|[\s;{}])export\s|module\.exports|exports\.[\w$]+\s*=/;

/** Unreadable files count as exporting, as before this test existed. */
/** Folders whose index file is a public API: it exports something (see `exportsSomething`). */
export function apiIndexFolders(files: readonly string[], read: (file: string) => string | undefined): Set<string> {
  return new Set(files.filter((f) => INDEX.test(path.posix.basename(f)) && exportsSomething(read(f))).map(parentOf));
}

function exportsSomething(text: string | undefined): boolean {
  return text === undefined || EXPORT.test(text);
}
