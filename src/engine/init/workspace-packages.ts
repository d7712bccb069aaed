import * as path from 'node:path';
import { DECLARATION_FILE } from '../model';
import { readJsonObject } from './read-json';

export interface WorkspacePackage {
  name?: string;
  folder: string;
  /** Source files behind `exports`/`types`/`main`, relative to the package folder. */
  public: string[];
  /** What a bare import of the package reads, as written (`types`, else `typings`, else `main`). */
  entry?: string;
  /** Its `exports` field as written, for imports of its subpaths (`@medusajs/framework/utils`). */
  exports?: unknown;
}

/**
 * Workspace packages (every package.json below the root whose folder holds sources) with their
 * public API: the entry points of `exports`, `types` and `main`, mapped back from build output
 * (`dist/index.js`) to the source file that produces it (`src/index.ts`) when one exists.
 */
export function findWorkspacePackages(root: string, packageJsons: readonly string[], files: readonly string[]): WorkspacePackage[] {
  const fileSet = new Set(files);
  const result: WorkspacePackage[] = [];
  for (const pj of packageJsons) {
    const folder = path.posix.dirname(pj);
    if (folder === '.' || !files.some((f) => f.startsWith(`${folder}/`))) continue;
    const json = readJsonObject(path.join(root, pj)) ?? {};
    const entries = [...leaves(json.exports), ...leaves(json.types), ...leaves(json.typings), ...leaves(json.module), ...leaves(json.main)];
    const sources = new Set<string>();
    for (const entry of entries) {
      const source = sourceOf(folder, entry, fileSet);
      if (source) sources.add(source);
    }
    if (sources.size === 0) for (const guess of ['src/index.ts', 'src/index.tsx', 'index.ts', 'index.js', 'src/index.js']) if (fileSet.has(`${folder}/${guess}`)) sources.add(guess);
    const entry = [json.types, json.typings, json.main].find((e): e is string => typeof e === 'string' && e !== '');
    result.push({ name: typeof json.name === 'string' && json.name !== '' ? json.name : undefined, folder, public: withDeclarations(folder, sources, fileSet), ...(entry ? { entry } : {}), ...(json.exports !== undefined ? { exports: json.exports } : {}) });
  }
  return result.sort((a, b) => a.folder.localeCompare(b.folder));
}

/**
 * A hand-written `index.d.ts` beside a public `index.js` is the same API: TypeScript resolves
 * importers to the declaration file, so it must be public too (`@theia/electron`).
 */
function withDeclarations(folder: string, sources: ReadonlySet<string>, files: Set<string>): string[] {
  const all = new Set(sources);
  for (const source of sources) {
    const declaration = source.replace(/\.([cm]?)jsx?$/, '.d.$1ts');
    if (declaration !== source && files.has(`${folder}/${declaration}`)) all.add(declaration);
  }
  return [...all].sort();
}

export function leaves(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(leaves);
  if (value && typeof value === 'object') return Object.values(value).flatMap(leaves);
  return [];
}

function sourceOf(folder: string, entry: string, files: Set<string>): string | undefined {
  const rel = path.posix.normalize(entry.replace(/^\.\//, ''));
  if (rel.startsWith('..') || rel.includes('*')) return undefined;
  const stem = rel.replace(DECLARATION_FILE, '').replace(/\.[cm]?[jt]sx?$/, '');
  const stems = [stem, stem.replace(/^(dist|lib|build|out|esm|cjs)\//, 'src/'), stem.replace(/^(dist|lib|build|out)\/(esm|cjs|src)\//, 'src/')];
  for (const s of stems) {
    for (const ext of ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '/index.ts', '/index.tsx', '/index.js']) {
      if (files.has(`${folder}/${s}${ext}`)) return `${s}${ext}`;
    }
  }
  // A types-only package (`"types": "./src/theia.d.ts"`, no code) has its declaration file as its
  // whole API; without it, every import of the package would be an internal import.
  for (const s of stems) {
    for (const ext of ['.d.ts', '.d.mts', '.d.cts', '/index.d.ts']) {
      if (files.has(`${folder}/${s}${ext}`)) return `${s}${ext}`;
    }
  }
  return undefined;
}
