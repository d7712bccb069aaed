import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ts } from 'ts-morph';
import type { IndexedFile } from './analyze/file-index';
import { CONFIG_FILE_NAME, loadConfigFile, parseConfigText, type LoadedConfig } from './config/load-config';
import { findSourceFiles, sourceFileFilter } from './discover/find-source-files';
import { loadDatabaseSetup, type DatabaseSetup } from './database/database-setup';
import { DependencyPolicy } from './map/dependency-policy';
import { buildModuleMap, type ModuleMap } from './map/module-map';
import { toPosix } from './model/paths';
import type { CheckResult, ImportSite, InputDiagnostic, Violation } from './model/result';
import { incrementalCrossings } from './analyze/incremental-crossings';
import { FILE_START } from './model/text-position';
import { readSourceText } from './extract/read-source';
import { isLocalSpecifier } from './resolve/local-specifier';
import type { ModuleResolver, Resolution } from './resolve/module-resolver';
import { ResolutionHost } from './resolve/resolution-host';
import type { TsconfigRegistry } from './resolve/tsconfig-registry';
import { readWorkspacePackages } from './resolve/workspace-packages';
import { VERSION } from './version';
import { computeFixes } from './fixes/compute-fixes';
import type { Fix } from './fixes/fix';
import { FactCache, fileStamp, type CacheStats } from './cache/fact-cache';
import { FileIndexer, resolutionEnvironment } from './file-indexer';
import { buildCheckResult } from './build-result';
import { explainFile, type Explanation } from './check/explain';

export interface SessionOptions {
  /** Workspace root: the folder holding bulkhead.json unless `configFile` says otherwise. */
  root: string;
  /** Absolute or root-relative path of the config file. Default: `<root>/bulkhead.json`. */
  configFile?: string;
  /** Called while files are read, for progress display. */
  onProgress?: (done: number, total: number) => void;
  /** Use this text as the config instead of reading `configFile` (e.g. a map being inferred). */
  configText?: string;
  /** Persist per-file facts in this file between runs (see cache/fact-cache.ts). */
  cacheFile?: string;
}

/**
 * One workspace, loaded once and checked as often as needed. The CLI checks once; an editor keeps
 * the session and feeds it edits. Holds only facts per file (imports and exports), never ASTs.
 */
export class WorkspaceSession {
  readonly root: string;
  readonly configFile: string;
  private loaded!: LoadedConfig;
  private files: string[] = [];
  private isScanned: (rel: string) => boolean = () => false;
  private readonly index = new Map<string, IndexedFile>();
  /** After a check answered from the cache: the cache to build the index from when something needs it. */
  private unindexed?: FactCache;
  private readonly fileDiagnostics = new Map<string, InputDiagnostic[]>();
  private discoveryDiagnostics: InputDiagnostic[] = [];
  private map?: ModuleMap;
  private database?: DatabaseSetup;
  /** One per loaded config, so its verdict cache lives across analyses (every keystroke). */
  private policy?: DependencyPolicy;
  private host!: ResolutionHost;
  /** TypeScript's resolver and tsconfig parser, created on first use (see resolution-stack.ts). */
  private stack?: { projects: TsconfigRegistry; resolver: ModuleResolver };
  private indexer!: FileIndexer;
  private environment = '';
  /** Each file's compiler options for `isLocalSpecifier`, asked on every analysis; cleared with the resolution caches. */
  private readonly optionsOf = new Map<string, ts.CompilerOptions>();
  /** Hits and misses of the persistent cache in the last full check. */
  cacheStats?: CacheStats;

  constructor(private readonly options: SessionOptions) {
    this.root = realFolder(options.root);
    this.configFile = options.configFile ? path.resolve(this.root, options.configFile) : path.join(this.root, CONFIG_FILE_NAME);
  }

  /**
   * A full check: config, discovery, every file read and resolved, every rule run. With a cache
   * and nothing changed since it was written, the stored result is the answer and files are
   * indexed only if a later call needs them.
   */
  check(): CheckResult {
    const started = performance.now();
    this.load();
    this.index.clear();
    this.fileDiagnostics.clear();
    this.unindexed = undefined;
    const cache = this.map && this.options.cacheFile ? new FactCache(this.options.cacheFile, VERSION, this.environment) : undefined;
    const analysisKey = this.analysisKey();
    if (cache) {
      this.cacheStats = cache.stats;
      const reused = cache.reusableResult(this.files, analysisKey, (rel) => fileStamp(path.join(this.root, rel)), (rel) => readSourceText(path.join(this.root, rel)));
      if (reused) {
        // A copy: building the index later looks the files up in the same cache again.
        this.cacheStats = { ...cache.stats };
        this.unindexed = cache;
        return { ...reused, summary: { ...reused.summary, durationMs: Math.round(performance.now() - started) } };
      }
    }
    this.indexAll(cache);
    const result = this.result(started);
    if (cache) {
      try {
        cache.save(this.files, result, analysisKey, (rel) => fileStamp(path.join(this.root, rel)));
      } catch (err) {
        const warning: InputDiagnostic = { file: '.', range: FILE_START, severity: 'warning', code: 'cache-write', message: `Could not write the cache: ${(err as Error).message}` };
        this.discoveryDiagnostics.push(warning);
        result.diagnostics.push(warning);
      }
    }
    return result;
  }

  /** Reads every file (through the cache when given) into the index. */
  private indexAll(cache?: FactCache): void {
    if (!this.map) return;
    this.indexer.cache = cache;
    try {
      this.files.forEach((file, i) => {
        this.indexFile(file);
        this.options.onProgress?.(i + 1, this.files.length);
      });
    } finally {
      this.indexer.cache = undefined;
    }
  }

  /** After a check answered from the cache, the index is built on first need (from the same cache). */
  private ensureIndexed(): void {
    const cache = this.unindexed;
    if (!cache) return;
    this.unindexed = undefined;
    this.indexAll(cache);
  }

  /**
   * What the analysis reads besides the files' text and what the environment hash covers: the
   * root, config, module map and database setup problems, Prisma models and discovery notices.
   * Taken before indexing: the analysis fills caches inside these objects.
   */
  private analysisKey(): string {
    const db = this.database;
    const parts = [this.root, this.environment, this.loaded.diagnostics, this.map?.diagnostics, db?.diagnostics, db?.prismaModels, this.discoveryDiagnostics];
    return createHash('sha1').update(JSON.stringify(parts)).digest('hex');
  }

  /** Every import that resolves to a workspace file, as of the last check. */
  fileEdges(): { from: string; to: string; specifier: string; line: number }[] {
    this.ensureIndexed();
    const edges = [];
    for (const { file, facts, resolutions } of this.index.values()) {
      for (let i = 0; i < facts.imports.length; i++) {
        const r = resolutions[i];
        if (r.kind === 'file') edges.push({ from: file, to: r.file, specifier: facts.imports[i].specifier, line: facts.imports[i].range.start.line });
      }
    }
    return edges;
  }

  private load(): void {
    const configName = toPosix(path.relative(this.root, this.configFile));
    this.loaded = this.options.configText !== undefined ? parseConfigText(this.options.configText, configName) : loadConfigFile(this.configFile, configName);
    const config = this.loaded.config;
    this.map = undefined;
    this.database = undefined;
    this.files = [];
    if (!config) return;
    const discovery = findSourceFiles(this.root, { include: config.include, ignore: config.ignore });
    this.files = discovery.files;
    this.isScanned = sourceFileFilter(this.root, { include: config.include, ignore: config.ignore });
    this.discoveryDiagnostics = discovery.diagnostics;
    this.environment = resolutionEnvironment(this.root, this.loaded.text, discovery);
    const packages = readWorkspacePackages(this.root, discovery.packageJsons);
    this.host = new ResolutionHost(this.root, (...args) => resolutionStack().readDirectoryWithTypeScript(...args), packages);
    this.stack = undefined;
    this.optionsOf.clear();
    this.indexer = new FileIndexer(this.root, () => this.resolver);
    this.rebuildMap();
    this.database = loadDatabaseSetup(this.root, config, this.loaded.locator);
    this.policy = new DependencyPolicy(config.constraints);
    if (this.files.length === 0) {
      this.discoveryDiagnostics.push({
        file: '.', range: FILE_START, severity: 'warning', code: 'no-source-files',
        message: 'No source files found: check "include"/"ignore" in bulkhead.json and that the workspace has .ts/.js files.',
      });
    }
  }

  private get projects(): TsconfigRegistry {
    return (this.stack ??= resolutionStack().createResolutionStack(this.root, this.host)).projects;
  }

  private get resolver(): ModuleResolver {
    return (this.stack ??= resolutionStack().createResolutionStack(this.root, this.host)).resolver;
  }

  private rebuildMap(): void {
    if (!this.loaded.config) return;
    this.map = buildModuleMap(this.loaded.config, this.files, this.loaded.locator, (rel) => this.host.directoryExists(path.join(this.root, rel)));
  }

  /** Whether a change to this file invalidates everything (the config, a tsconfig, a package.json). */
  needsFullCheck(absFile: string): boolean {
    const name = path.basename(absFile);
    return path.resolve(absFile) === this.configFile || /^tsconfig.*\.json$/.test(name) || name === 'package.json' || name === '.gitignore' || name.endsWith('.prisma');
  }

  /** The workspace-relative path of a file this session scans, else undefined. */
  scannedPath(absFile: string): string | undefined {
    const rel = toPosix(path.relative(this.root, path.resolve(absFile)));
    return rel.startsWith('../') || path.isAbsolute(rel) || !this.isScanned(rel) ? undefined : rel;
  }

  /**
   * Takes one file's new text (an unsaved buffer) or re-reads it from disk (`text` undefined),
   * including a file that was just created. Call `analyze()` afterwards.
   */
  updateFile(absFile: string, text?: string): void {
    this.ensureIndexed();
    const file = this.scannedPath(absFile);
    if (!file || !this.map) return;
    if (text === undefined && !fs.existsSync(path.join(this.root, file))) {
      this.removeFile(absFile);
      return;
    }
    const created = !this.index.has(file) && !this.files.includes(file);
    this.fileDiagnostics.delete(file);
    this.indexFile(file, text);
    if (created) {
      this.files = [...this.files, file].sort();
      this.fileSetChanged(file, (r) => r.kind === 'unresolved');
    }
  }

  /** Forgets a deleted file. Call `analyze()` afterwards. */
  removeFile(absFile: string): void {
    this.ensureIndexed();
    const file = toPosix(path.relative(this.root, path.resolve(absFile)));
    if (!this.files.includes(file)) return;
    this.files = this.files.filter((f) => f !== file);
    this.index.delete(file);
    this.fileDiagnostics.delete(file);
    this.fileSetChanged(file, (r) => r.kind === 'file' && r.file === file);
  }

  /**
   * The import sites behind one module dependency (for the graph's edge details), including
   * dependencies that exist through re-exports.
   */
  importSites(from: string, to: string): ImportSite[] {
    return this.allImportSites().get(`${from}\0${to}`) ?? [];
  }

  /** Every module dependency's import sites, keyed `from\0to`, in one pass over the crossings. */
  allImportSites(): Map<string, ImportSite[]> {
    this.ensureIndexed();
    const sites = new Map<string, ImportSite[]>();
    if (!this.map) return sites;
    for (const c of incrementalCrossings(this.index, this.map).crossings) {
      const key = `${c.from.name}\0${c.to.name}`;
      const list = sites.get(key) ?? [];
      list.push({ file: c.file, range: c.fact.range, specifier: c.fact.specifier, typeOnly: c.fact.typeOnly, viaReExport: !!c.reExport });
      sites.set(key, list);
    }
    return sites;
  }

  /** Quick fixes for a violation of the last analysis, as data; `readText` gives open buffers first. */
  fixesFor(violation: Violation, readText: (absFile: string) => string | undefined): Fix[] {
    this.ensureIndexed();
    const config = this.loaded?.config;
    if (!this.map || !config) return [];
    return computeFixes(violation, {
      index: this.index,
      map: this.map,
      configFile: toPosix(path.relative(this.root, this.configFile)),
      declarationName: (i) => config.modules.find((d) => d.index === i)?.name,
      readText: (file) => readText(path.join(this.root, file)),
      resolve: (specifier, from) => {
        const r = this.resolver.resolve(specifier, path.join(this.root, from), 'import');
        return r.kind === 'file' ? toPosix(path.relative(this.root, r.file)) : undefined;
      },
    });
  }

  /** Why a file may or may not import what it imports (`bulkhead explain`), as of the last check. */
  explain(file: string, specifier?: string): Explanation | undefined {
    this.ensureIndexed();
    const config = this.loaded?.config;
    if (!this.map || !config) return undefined;
    return explainFile({ index: this.index, map: this.map, policy: this.policy! }, file, specifier);
  }

  /** The module a workspace-relative file belongs to, if any. */
  moduleOf(file: string): string | undefined {
    return this.map?.moduleOf(file)?.name;
  }

  /** Re-runs the rules over the current facts (cheap: no file is read). */
  analyze(): CheckResult {
    this.ensureIndexed();
    return this.result(performance.now());
  }

  /** After a create or delete: module map, resolution caches and the imports it may affect. */
  private fileSetChanged(file: string, affected: (r: Resolution) => boolean): void {
    this.host.invalidate(path.join(this.root, file));
    this.projects.clearResolutionCaches();
    this.optionsOf.clear();
    this.rebuildMap();
    // Only resolutions can change: keep each file's facts (and so any unsaved text they came from).
    for (const entry of this.index.values()) {
      if (entry.file !== file && entry.resolutions.some(affected)) {
        this.index.set(entry.file, { ...entry, resolutions: this.indexer.resolveImports(path.join(this.root, entry.file), entry.facts) });
      }
    }
  }

  private indexFile(file: string, text?: string): void {
    const { entry, diagnostics } = this.indexer.index(file, text);
    if (entry) this.index.set(file, entry);
    else this.index.delete(file);
    if (diagnostics.length > 0) this.fileDiagnostics.set(file, diagnostics);
    else this.fileDiagnostics.delete(file);
  }

  private result(started: number): CheckResult {
    const config = this.loaded.config;
    const diagnostics = [
      ...this.loaded.diagnostics,
      ...(this.map?.diagnostics ?? []),
      ...(this.database?.diagnostics ?? []),
      ...this.discoveryDiagnostics,
      ...(this.map ? this.projects.diagnostics : []),
      ...[...this.fileDiagnostics.values()].flat(),
    ];
    const projects = this.projects;
    return buildCheckResult({
      root: this.root,
      config: toPosix(path.relative(this.root, this.configFile)),
      diagnostics,
      files: this.files,
      analysis: config && this.map
        ? {
            index: this.index,
            map: this.map,
            policy: this.policy!,
            severities: config.rules ?? {},
            isLocalSpecifier: (specifier, file) => {
              let options = this.optionsOf.get(file);
              if (!options) this.optionsOf.set(file, (options = projects.projectFor(path.join(this.root, file)).options));
              return isLocalSpecifier(specifier, options);
            },
            database: this.database,
          }
        : undefined,
      started,
    });
  }
}

/** Required on first use: it loads TypeScript, which a run answered from the cache never needs. */
function resolutionStack(): typeof import('./resolve/resolution-stack') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./resolve/resolution-stack') as typeof import('./resolve/resolution-stack');
}

function realFolder(p: string): string {
  const abs = path.resolve(p);
  try {
    return fs.realpathSync(abs);
  } catch {
    return abs;
  }
}

/** Convenience for one-shot checks (the CLI, tests). */
export function checkWorkspace(options: SessionOptions): CheckResult {
  return new WorkspaceSession(options).check();
}
