import * as path from 'node:path';
import { INPUT_LIMITS, readRegularText } from '../io/read-regular-file';

export interface ModuleFolder {
  folder: string;
  /** Name to use instead of the folder name (e.g. a package name). */
  name?: string;
}

const CONTAINERS = new Set(['modules', 'features', 'domains', 'domain-modules', 'contexts', 'bounded-contexts', 'boundedcontexts', 'components', 'slices']);
const DDD_LAYERS = new Set(['domain', 'application', 'infrastructure', 'presentation', 'ports', 'adapters', 'api', 'persistence']);
const SHARED = new Set(['shared', 'common', 'core', 'kernel', 'shared-kernel', 'lib', 'libs', 'utils']);

/** Candidate module roots, with a note per kind of structure recognised. */
export function findModuleFolders(files: readonly string[], packageDirs: string[], root: string): { folders: ModuleFolder[]; notes: string[] } {
  const notes: string[] = [];
  const withSources = (dir: string): boolean => files.some((f) => f.startsWith(`${dir}/`));

  const packages = packageDirs.filter(withSources).sort();
  if (packages.length >= 2) {
    notes.push(`Workspace packages: ${packages.length} (${packages.slice(0, 6).join(', ')}${packages.length > 6 ? ', …' : ''}), one module each.`);
    return { folders: packages.map((dir) => ({ folder: dir, name: packageName(root, dir) })), notes };
  }

  const dirs = new Set<string>();
  for (const f of files) for (let d = path.posix.dirname(f); d !== '.' && !dirs.has(d); d = path.posix.dirname(d)) dirs.add(d);
  const children = (dir: string): string[] => [...dirs].filter((d) => path.posix.dirname(d) === dir).sort();
  const found = new Map<string, ModuleFolder>();
  const add = (folders: string[], note: string): void => {
    const fresh = folders.filter((f) => !found.has(f));
    if (fresh.length === 0) return;
    for (const f of fresh) found.set(f, { folder: f });
    notes.push(note.replace('{n}', String(fresh.length)));
  };

  for (const container of [...dirs].filter((d) => CONTAINERS.has(path.posix.basename(d))).sort()) {
    add(children(container), `{n} folders under ${container}/, one module each.`);
  }
  const nest = [...new Set(files.filter((f) => /\.module\.[cm]?[jt]s$/.test(f)).map((f) => path.posix.dirname(f)))]
    .filter((d) => !/(^|\/)src$/.test(d) && d !== '.' && !found.has(d)).sort();
  add(nest, '{n} NestJS modules (folders with a *.module.ts).');
  const ddd = [...dirs].filter((d) => children(d).filter((c) => DDD_LAYERS.has(path.posix.basename(c))).length >= 2 && !DDD_LAYERS.has(path.posix.basename(d))).sort();
  add(ddd, '{n} bounded contexts (folders with domain/application/infrastructure layers).');
  const shared = [...dirs].filter((d) => SHARED.has(path.posix.basename(d)) && /^(src\/)?[^/]+$/.test(d)).sort();
  add(shared, 'Shared kernel: {n} folder(s) (shared/common/core).');

  if (found.size === 0) {
    const top = children('src').length > 0 ? children('src') : children('.').filter((d) => !d.includes('/'));
    add(top, '{n} top-level source folders, one module each (no module structure recognised).');
  }
  const folders = [...found.values()].sort((a, b) => a.folder.localeCompare(b.folder));
  return { folders: folders.filter((f) => !folders.some((o) => o !== f && o.folder === f.folder)), notes };
}

function packageName(root: string, dir: string): string | undefined {
  try {
    const name = (JSON.parse(readRegularText(path.join(root, dir, 'package.json'), INPUT_LIMITS.config)) as { name?: unknown }).name;
    return typeof name === 'string' && name !== '' ? name : undefined;
  } catch {
    return undefined;
  }
}
