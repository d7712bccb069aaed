import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BulkheadConfig, ModuleDeclaration } from '../config';
import { findSourceFiles } from '../discover';
import { inferDatabase } from './database-section';
import { applyDefaultIgnores } from './default-ignores';
import { importNxDepConstraints } from './eslint-dep-constraints';
import { foldersOf, type FoundModule } from './found-module';
import { findStructureModules, SHARED_KERNEL } from './module-folders';
import { fileReader, findNestModules } from './nest-modules';
import { findNxProjects } from './nx-projects';
import { uniqueNames } from './unique-names';
import { describeModules } from './describe-modules';
import { findWorkspacePackages } from './workspace-packages';

export interface InferredMap {
  config: BulkheadConfig;
  /** What was found and why, in sentences for the user (one per kind of module). */
  notes: string[];
}

/** What the workspace's own imports say each inferred module depends on. */
export type ObservedDependencies = (config: BulkheadConfig) => Map<string, string[]>;

const INDEX_FILE = /^index\.(ts|tsx|mts|js|jsx|mjs)$/;
const MODULE_FILE = /\.module\.[cm]?[jt]s$/;

/**
 * A starting module map from the repo's own structure, strongest evidence first: Nx projects,
 * workspace packages, then (one application) NestJS feature modules, module containers, DDD
 * contexts, folders with an index file and plain folders. Tests and tool configs are ignored,
 * public APIs follow the repo's convention, and `dependsOn` is what the code imports today, so the
 * first check shows cycles and internal imports rather than the map's guesses.
 */
export function inferModuleMap(root: string, observe: ObservedDependencies): InferredMap {
  const discovery = findSourceFiles(root);
  const { ignore, kept: files, ignoredCount } = applyDefaultIgnores(discovery.files);
  const read = fileReader(root);
  const notes: string[] = [];
  if (ignore.length > 0) notes.push(`Ignored: ${plural(ignoredCount, 'test, story, mock, migration or tool-config file')} (${plural(ignore.length, 'glob')} in "ignore").`);

  const config: BulkheadConfig = { ...(ignore.length > 0 ? { ignore } : {}), modules: [], rules: { 'unowned-file': 'warn' } };
  const found = findModules(root, files, discovery.packageJsons, read, config, notes);
  if (found.length === 0) {
    notes.push('No module folders found; add modules to bulkhead.json by hand (see docs/config.md).');
    return { config, notes };
  }
  notes.push(...describeModules(found));
  const names = uniqueNames(found);
  config.modules = found.map((m, i): ModuleDeclaration => ({
    name: names[i],
    path: m.folder,
    ...(m.public ? { public: m.public } : {}),
    ...(m.tags && m.tags.length > 0 ? { tags: m.tags } : {}),
    dependsOn: ['*'],
  }));

  const { constraints, ...withoutConstraints } = config;
  const observed = observe(withoutConstraints);
  for (const m of config.modules) m.dependsOn = observed.get(m.name) ?? [];
  const cyclic = config.modules.flatMap((a) => (a.dependsOn ?? []).filter((b) => observed.get(b)?.includes(a.name) && a.name < b).map((b) => `${a.name} ↔ ${b}`));
  if (cyclic.length > 0) notes.push(`Modules that import each other today (cycles to break): ${cyclic.join(', ')}.`);
  const edges = config.modules.reduce((n, m) => n + (m.dependsOn?.length ?? 0), 0);
  notes.push(`dependsOn lists what each module imports today (${edges} ${edges === 1 ? 'dependency' : 'dependencies'}); tighten it to what the architecture should allow.`);
  if (constraints) config.constraints = constraints;

  const db = inferDatabase(root, discovery.packageJsons, files, read);
  if (db.database) config.database = db.database;
  notes.push(...db.notes);
  return { config, notes };
}

function hasEntryFile(files: readonly string[], folder: string, entry: RegExp): boolean {
  return files.some((f) => path.posix.dirname(f) === folder && entry.test(path.posix.basename(f)));
}

function findModules(
  root: string,
  files: string[],
  packageJsons: string[],
  read: (file: string) => string | undefined,
  config: BulkheadConfig,
  notes: string[],
): FoundModule[] {
  const projects = findNxProjects(root, [...foldersOf(files)]);
  if (projects.length > 0 && (fs.existsSync(path.join(root, 'nx.json')) || projects.length >= 2)) {
    config.defaults = { public: ['src/index.ts', 'index.ts'] };
    const imported = importNxDepConstraints(root);
    if (imported.constraints.length > 0) config.constraints = imported.constraints;
    if (imported.note) notes.push(imported.note);
    const nested = findNestModules(files, read);
    if (nested.length > 0) {
      const hosts = [...new Set(nested.map((m) => projects.find((p) => m.folder.startsWith(`${p.folder}/`))?.name).filter((n) => n !== undefined))];
      notes.push(`NestJS feature modules inside projects: ${nested.length} (in ${hosts.join(', ')}); to check boundaries between them, add modules with their paths (e.g. ${nested[0].folder}).`);
    }
    return projects.map((p) => ({ folder: p.folder, kind: 'nx', name: p.name, tags: p.tags, ...(p.public.length > 0 ? { public: p.public } : {}) }));
  }

  const packages = findWorkspacePackages(root, packageJsons, files);
  if (packages.length >= 2) {
    return packages.map((p) => ({ folder: p.folder, kind: 'package', name: p.name, ...(p.public.length > 0 ? { public: p.public } : {}) }));
  }

  const nest = findNestModules(files, read);
  if (nest.length > 0) config.defaults = { public: ['*.module.ts', 'index.ts'] };
  const nestFound: FoundModule[] = nest.map((m) => ({
    folder: m.folder,
    kind: 'nest',
    // Only when `exports` name files besides the module file: otherwise the default says it.
    ...(m.public.some((f) => !/\.module\.[cm]?[jt]s$/.test(f)) ? { public: [...m.public, 'index.ts'] } : {}),
  }));
  const modules = findStructureModules(files, nestFound);
  for (const m of modules) {
    if (m.kind === 'nest' || m.kind === 'index' || hasEntryFile(files, m.folder, INDEX_FILE)) continue;
    // An Angular feature folder: its NgModule is what the others import.
    if (nest.length === 0 && hasEntryFile(files, m.folder, MODULE_FILE)) {
      m.public = ['*.module.ts', 'index.ts'];
      continue;
    }
    // Hexagonal convention: a context's domain and application layers are what others use, its
    // infrastructure stays inside. Folders without any entry file are open as a whole.
    m.public = m.kind === 'context' && !SHARED_KERNEL.test(path.posix.basename(m.folder)) ? ['*', 'domain/**', 'application/**'] : ['**'];
  }
  return modules;
}

export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
