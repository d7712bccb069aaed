/** How `init` recognised a module; one line of its report per kind. */
export type ModuleKind = 'nx' | 'package' | 'nest' | 'container' | 'context' | 'index' | 'shared' | 'folder' | 'entry';

export interface FoundModule {
  folder: string;
  kind: ModuleKind;
  /** Name to use instead of one derived from the folder (an Nx project or package name). */
  name?: string;
  /** Public API globs relative to the folder, when the module's own convention gives them. */
  public?: string[];
  tags?: string[];
}

/** All folders holding `files` and their ancestors (without '.'). */
export function foldersOf(files: readonly string[]): Set<string> {
  const dirs = new Set<string>();
  for (const f of files) {
    for (let d = parentOf(f); d !== '.' && !dirs.has(d); d = parentOf(d)) dirs.add(d);
  }
  return dirs;
}

export function parentOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '.' : p.slice(0, i);
}

export function isInside(file: string, folder: string): boolean {
  return folder === '.' || file.startsWith(`${folder}/`);
}
