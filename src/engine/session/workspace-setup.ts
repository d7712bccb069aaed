import * as path from 'node:path';
import { type CheckedConfig, loadConfigFile, parseConfigText, type LoadedConfig } from '../config';
import { loadDatabaseSetup, type DatabaseSetup } from '../database';
import { sourceFileFilter, walkSourceFiles, type WalkMemo } from '../discover';
import { resolutionEnvironment } from './file-indexer';
import { DependencyPolicy, buildModuleMap, type ModuleMap } from '../map';
import { toPosix, type InputDiagnostic, FILE_START } from '../model';
import { readWorkspacePackages } from '../resolve';
import { LazyResolution } from './lazy-resolution';
import type { SessionOptions, WorkspacePaths } from './session-options';

/** The config as read, with the name diagnostics use for it (relative to the root). */
export interface ReadConfig {
  loaded: LoadedConfig;
  configName: string;
}

export function readConfig({ root, configFile }: WorkspacePaths, configText: SessionOptions['configText']): ReadConfig {
  const configName = toPosix(path.relative(root, configFile));
  const loaded = configText !== undefined ? parseConfigText(configText, configName) : loadConfigFile(configFile, configName);
  return { loaded, configName };
}

/**
 * What a session reads besides the files' text, fixed for its lifetime: the config and what it
 * selects, the database setup, the dependency policy, module resolution. A change to any of it
 * (see `needsFullCheck`) opens the workspace again.
 */
export interface WorkspaceSetup extends WorkspacePaths, ReadConfig {
  config: CheckedConfig;
  /** The source files found when the workspace was opened. */
  discovered: string[];
  isScanned: (rel: string) => boolean;
  /** Discovery notices; a failed cache write adds its warning. */
  discoveryDiagnostics: InputDiagnostic[];
  /** Hash of what resolution reads (config text, package.json and tsconfig files). */
  environment: string;
  resolution: LazyResolution;
  database: DatabaseSetup;
  /** When files' database facts are read (see `databaseFactsMode`). */
  databaseFacts: DatabaseFactsMode;
  /** One per opened workspace, so its verdict cache lives across analyses (every keystroke). */
  policy: DependencyPolicy;
  /** The module map for a file list (rebuilt when files are created or deleted). */
  buildMap(files: readonly string[]): ModuleMap;
}

/** Sets up a workspace in steps: it yields during discovery, with how many source files were found so far. */
export function* settingUpWorkspace(paths: WorkspacePaths, read: ReadConfig, config: CheckedConfig, walkMemo?: WalkMemo): Generator<number, WorkspaceSetup, void> {
  const { root } = paths;
  const { loaded } = read;
  const scope = { include: config.include, ignore: config.ignore };
  const discovery = yield* walkSourceFiles(root, scope, walkMemo);
  const discoveryDiagnostics = discovery.diagnostics;
  if (discovery.files.length === 0) {
    discoveryDiagnostics.push({
      file: '.', range: FILE_START, severity: 'warning', code: 'no-source-files',
      message: 'No source files found: check "include"/"ignore" in bulkhead.json and that the workspace has .ts/.js files.',
    });
  }
  const resolution = new LazyResolution(root, readWorkspacePackages(root, discovery.packageJsons), discovery.links, outsideModuleRoots(root, config), discovery.files);
  return {
    ...paths, ...read, config,
    discovered: discovery.files,
    isScanned: sourceFileFilter(root, scope),
    discoveryDiagnostics,
    environment: resolutionEnvironment(root, loaded.text, discovery),
    resolution,
    database: loadDatabaseSetup(root, config, loaded.locator),
    databaseFacts: databaseFactsMode(config),
    policy: new DependencyPolicy(config.constraints, config.acceptedCycles),
    buildMap: (files) => buildModuleMap(config, files, loaded.locator, (rel) => resolution.host.directoryExists(path.join(root, rel))),
  };
}

/**
 * `always` when the map configures the database (a `database` section, a module's `tables`);
 * `never` when `database-coupling` is off; else `when-imported`: only once some file imports a
 * database driver or ORM (`preset:all`). Without config, a table can be owned only by ORM code
 * declaring it, which needs such a package, so a workspace that imports none has no finding to
 * lose, and most files then skip the database walk (and stay on the scanner's fast path).
 */
export type DatabaseFactsMode = 'always' | 'when-imported' | 'never';

function databaseFactsMode(config: CheckedConfig): DatabaseFactsMode {
  if (config.rules?.['database-coupling'] === 'off') return 'never';
  if (config.database || config.modules.some((m) => m.tables && m.tables.length > 0)) return 'always';
  return 'when-imported';
}

/**
 * Folders of modules declared outside the root by a literal path (`"../../libs/ui"`, after
 * `--config` rebasing): imports into them are crossings into those modules.
 */
function outsideModuleRoots(root: string, config: CheckedConfig): string[] {
  return config.modules
    .flatMap((m) => (Array.isArray(m.path) ? m.path : [m.path]))
    .filter((p) => p.startsWith('../') && !/[*?[\]{}<>!]/.test(p))
    .map((p) => path.resolve(root, p));
}
