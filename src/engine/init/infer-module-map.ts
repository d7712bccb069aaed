import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BulkheadConfig, ModuleDeclaration } from '../config';
import { findSourceFiles, sourceFileFilter } from '../discover';
import { inferDatabase } from './database-section';
import { applyDefaultIgnores } from './default-ignores';
import { importNxDepConstraints } from './eslint-dep-constraints';
import { foldersOf, isInside, parentOf, type FoundModule, type ModuleKind } from './found-module';
import { apiIndexFolders, findStructureModules, SHARED_KERNEL } from './module-folders';
import { fileReader, findNestModules } from './nest-modules';
import { findNxProjects } from './nx-projects';
import { uniqueNames } from './unique-names';
import { describeModules } from './describe-modules';
import { unresolvedIntoIgnored, type UnresolvedSite } from './generated-imports';
import { spareImportedPackages } from './spared-packages';
import { findWorkspacePackages } from './workspace-packages';

export interface InferredMap {
  config: BulkheadConfig;
  /** What was found and why, in sentences for the user (one per kind of module). */
  notes: string[];
}

/** What a check of a draft map saw, per module. */
export interface Observed {
  /** The modules each one imports today. */
  dependsOn: Map<string, string[]>;
  /** Import sites from other modules into each module. */
  importsInto: Map<string, number>;
  /** Those of them that reach past the module's public API. */
  internalInto: Map<string, number>;
  /** Imports TypeScript could not resolve. */
  unresolved: UnresolvedSite[];
}

/** Checks a draft map against the workspace's own imports. */
export type ObservedDependencies = (config: BulkheadConfig) => Observed;

/** At least this many imports past an index file, and more than half of all, before it is opened. */
const BYPASSED_INDEX_MIN = 5;
/**
 * A package's entry is what Node loads, not always the API its siblings use: Theia's packages
 * have `main: lib/common` and are imported by `lib/browser/…` and `lib/node/…` just as much
 * (ai-core: 105 deep of 251). Past a quarter of deep imports, the package is used by its paths.
 */
const BYPASSED_SHARE_DIVISOR: Partial<Record<ModuleKind, number>> = { index: 2, package: 4 };

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
  const defaults = applyDefaultIgnores(discovery.files);
  const read = fileReader(root);
  const notes: string[] = [];
  const { ignore, spared } = spareImportedPackages(defaults.ignore, discovery.files, defaults.kept, findWorkspacePackages(root, discovery.packageJsons, discovery.files), read);
  // The list read in order, as the check will read it.
  const files = spared.length > 0 ? discovery.files.filter(sourceFileFilter(root, { ignore })) : defaults.kept;
  const ignoredCount = discovery.files.length - files.length;
  if (ignore.length > 0) notes.push(`Ignored: ${plural(ignoredCount, 'test, story, mock, migration, code-template or tool-config file')} (${plural(defaults.ignore.length, 'glob')} in "ignore").`);
  if (spared.length > 0) notes.push(`Workspace packages the test globs would leave out as a whole but product code imports: ${spared.join(', ')}; taken back with "!" entries in "ignore", their own tests still left out.`);

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
  const { dependsOn: observed, importsInto, internalInto, unresolved } = observe(withoutConstraints);
  for (const m of config.modules) m.dependsOn = observed.get(m.name) ?? [];
  // A barrel, or a package's main entry, that most importers walk past is not the API the code
  // uses (Theia's packages are imported by `@theia/core/lib/browser/…` and `@theia/core/shared/…`,
  // past `main`): opening the module keeps the first check about boundaries; the note says how to
  // make the entry the API after all.
  const bypassedOf = (kind: ModuleKind): ModuleDeclaration[] =>
    config.modules.filter((m, i) => {
      const internal = internalInto.get(m.name) ?? 0;
      if (found[i].kind !== kind) return false;
      // A package with no entry point at all (Theia's extensions declare only `theiaExtensions`)
      // has nothing but its files to import: any import of it is a deep one.
      if (kind === 'package' && !m.public && internal > 0) return true;
      return internal >= BYPASSED_INDEX_MIN && internal * (BYPASSED_SHARE_DIVISOR[kind] ?? 2) > (importsInto.get(m.name) ?? 0);
    });
  const bypassedIndexes = bypassedOf('index');
  const bypassedPackages = bypassedOf('package');
  const bypassed = [...bypassedIndexes, ...bypassedPackages];
  config.modules = config.modules.map((m) => (bypassed.includes(m) ? { name: m.name, path: m.path, public: ['**'], ...(m.tags ? { tags: m.tags } : {}), dependsOn: m.dependsOn } : m));
  const sample = (modules: ModuleDeclaration[]): string => `${modules.length} (${modules.slice(0, 4).map((m) => `${m.name}: ${internalInto.get(m.name)} of ${importsInto.get(m.name)} imports`).join(', ')}${modules.length > 4 ? ', …' : ''})`;
  if (bypassedIndexes.length > 0) {
    notes.push(`Index files that most imports from other modules go past: ${sample(bypassedIndexes)}; these folders are public as a whole. To make an index the API, set its module's "public" to ["index.ts"] and fix the imports the check then reports.`);
  }
  if (bypassedPackages.length > 0) {
    notes.push(`Packages deep-imported past their entry point (exports/types/main) by a quarter or more of the imports from other modules, or that have no entry point: ${sample(bypassedPackages)}; these packages are public as a whole. To make the entry the API, set the module's "public" to the entry file and fix the imports the check then reports.`);
  }
  const cyclic = config.modules.flatMap((a) => (a.dependsOn ?? []).filter((b) => observed.get(b)?.includes(a.name) && a.name < b).map((b) => `${a.name} ↔ ${b}`));
  if (cyclic.length > 0) notes.push(`Modules that import each other today (cycles to break): ${cyclic.join(', ')}.`);
  const edges = config.modules.reduce((n, m) => n + (m.dependsOn?.length ?? 0), 0);
  notes.push(`dependsOn lists what each module imports today (${edges} ${edges === 1 ? 'dependency' : 'dependencies'}); tighten it to what the architecture should allow.`);
  const packages = new Map(findWorkspacePackages(root, discovery.packageJsons, files).map((p) => [p.name, p]));
  const generated = unresolvedIntoIgnored(read, unresolved, (name) => packages.get(name));
  if (generated.count > 0) {
    const roots = `${generated.roots.slice(0, 3).join(', ')}${generated.roots.length > 3 ? `, … (${generated.roots.length} places)` : ''}`;
    notes.push(`Imports of build output or generated code that .gitignore keeps out of this checkout: ${generated.count} (into ${roots}); they cannot be checked until the build or code generator has run, so run it before "bulkhead check".`);
  }
  if (constraints) config.constraints = constraints;

  const db = inferDatabase(root, discovery.packageJsons, files, read);
  if (db.database) config.database = db.database;
  notes.push(...db.notes);
  return { config, notes };
}

/**
 * A library whose own sources live at the root (`src/<area>/…`) next to a few workspace packages
 * (docs, codemods, examples): without this, most of its files are owned by no module. Its root
 * sources get folder modules like a single application's, when they are a real part of the code.
 */
function withRootSources(files: readonly string[], found: FoundModule[], read: (file: string) => string | undefined): FoundModule[] {
  const packageName = rootPackageName(read);
  const rest = files.filter((f) => !found.some((m) => isInside(f, m.folder)));
  if (rest.length < ROOT_SOURCES_MIN_FILES || rest.length < files.length * ROOT_SOURCES_MIN_SHARE) return found;
  return withEntryFiles(rest, openFolders(rest, findStructureModules(rest, found, read), read), packageName);
}

/**
 * The package's entry files (`src/index.ts`, `src/extension.ts`) sit in the source root itself,
 * which is no module's folder: they become one module named after the package.
 */
function withEntryFiles(files: readonly string[], modules: FoundModule[], packageName: string | undefined): FoundModule[] {
  const loose = files.filter((f) => SOURCE_FILE.test(f) && isInSourceRoot(parentOf(f)) && !modules.some((m) => isInside(f, m.folder)));
  if (loose.length === 0) return modules;
  const folders = [...new Set(loose.map(parentOf))].sort();
  const extensions = [...new Set(loose.map((f) => path.posix.extname(f).slice(1)))].sort();
  const glob = `${braced(folders)}/*.${braced(extensions)}`;
  return [...modules, { folder: glob, kind: 'entry' as const, name: packageName ?? folders[0], public: ['*'] }].sort((a, b) => a.folder.localeCompare(b.folder));
}

const SOURCE_FILE = /\.[cm]?[jt]sx?$/;
const SOURCE_ROOT_SEGMENT = /^(src|app|lib|source|sources)$/;

/** `src`, `src/app`, `app`: folders that hold an application rather than being a part of it. */
function isInSourceRoot(folder: string): boolean {
  return folder !== '.' && folder.split('/').every((segment) => SOURCE_ROOT_SEGMENT.test(segment));
}

function braced(alternatives: readonly string[]): string {
  return alternatives.length === 1 ? alternatives[0] : `{${alternatives.join(',')}}`;
}

function rootPackageName(read: (file: string) => string | undefined): string | undefined {
  try {
    const name = (JSON.parse(read('package.json') ?? '{}') as { name?: unknown }).name;
    return typeof name === 'string' && name.length > 0 ? name : undefined;
  } catch {
    return undefined;
  }
}

const ROOT_SOURCES_MIN_FILES = 8;
const ROOT_SOURCES_MIN_SHARE = 0.1;

/**
 * Folder modules without an index file that exports something are open as a whole; the
 * convention decides the rest: an Angular feature folder exposes its NgModule, a DDD context its
 * domain and application layers (its infrastructure stays inside).
 */
function openFolders(files: readonly string[], modules: FoundModule[], read: (file: string) => string | undefined, angularFeatures = false): FoundModule[] {
  const withApi = apiIndexFolders(files, read);
  for (const m of modules) {
    if (m.kind === 'nest' || m.kind === 'index' || m.kind === 'package' || m.kind === 'nx' || m.public || withApi.has(m.folder)) continue;
    if (angularFeatures && files.some((f) => path.posix.dirname(f) === m.folder && MODULE_FILE.test(path.posix.basename(f)))) {
      m.public = ['*.module.ts', 'index.ts'];
      continue;
    }
    m.public = m.kind === 'context' && !SHARED_KERNEL.test(path.posix.basename(m.folder)) ? ['*', 'domain/**', 'application/**'] : ['**'];
  }
  return modules;
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
    const nx: FoundModule[] = projects.map((p) => ({ folder: p.folder, kind: 'nx', name: p.name, tags: p.tags, ...(p.public.length > 0 ? { public: p.public } : {}) }));
    return [...nx, ...packagesOutside(root, packageJsons, files, nx)].sort((a, b) => a.folder.localeCompare(b.folder));
  }

  const packages = findWorkspacePackages(root, packageJsons, files);
  if (packages.length >= 2) {
    const found: FoundModule[] = packages.map((p) => ({ folder: p.folder, kind: 'package', name: p.name, ...(p.public.length > 0 ? { public: p.public } : {}) }));
    return withRootSources(files, found, read);
  }

  const nest = findNestModules(files, read);
  if (nest.length > 0) config.defaults = { public: ['*.module.ts', 'index.ts'] };
  const nestFound: FoundModule[] = nest.map((m) => ({
    folder: m.folder,
    kind: 'nest',
    // Only when `exports` name files besides the module file: otherwise the default says it.
    ...(m.public.some((f) => !/\.module\.[cm]?[jt]s$/.test(f)) ? { public: [...m.public, 'index.ts'] } : {}),
  }));
  const modules = openFolders(files, findStructureModules(files, nestFound, read), read, nest.length === 0);
  return withEntryFiles(files, modules, rootPackageName(read));
}

/**
 * Workspace packages that no Nx project holds or contains (amplication's oclif CLI, with its own
 * package-lock.json and no project.json): Nx leaves them alone, but their files are code of the
 * repo and would otherwise belong to no module.
 */
function packagesOutside(root: string, packageJsons: string[], files: string[], projects: readonly FoundModule[]): FoundModule[] {
  const overlaps = (folder: string): boolean => projects.some((p) => p.folder === folder || isInside(folder, p.folder) || isInside(p.folder, folder));
  return findWorkspacePackages(root, packageJsons, files)
    .filter((p) => !overlaps(p.folder))
    .map((p) => ({ folder: p.folder, kind: 'package' as const, name: p.name, ...(p.public.length > 0 ? { public: p.public } : {}) }));
}

export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
