import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ts } from 'ts-morph';
import type { AnalysisInput } from './check/analyze-workspace';
import { analyzeWorkspace } from './check/analyze-workspace';
import type { IndexedFile } from './analyze/file-index';
import { CONFIG_FILE_NAME, loadConfigFile, parseConfigText, type LoadedConfig } from './config/load-config';
import { findSourceFiles, sourceFileFilter } from './discover/find-source-files';
import { extractFacts } from './extract/extract-facts';
import { loadDatabaseSetup, type DatabaseSetup } from './database/database-setup';
import { readSource } from './extract/read-source';
import { DependencyPolicy } from './map/dependency-policy';
import { buildModuleMap, type ModuleMap } from './map/module-map';
import { toPosix } from './model/paths';
import type { CheckResult, ImportSite, InputDiagnostic, Violation } from './model/result';
import { findModuleCrossings } from './analyze/module-crossings';
import { ReExportTracer } from './analyze/reexport-tracer';
import { FILE_START } from './model/text-position';
import { isLocalSpecifier } from './resolve/local-specifier';
import { ModuleResolver, type Resolution } from './resolve/module-resolver';
import { ResolutionHost } from './resolve/resolution-host';
import { TsconfigRegistry } from './resolve/tsconfig-registry';
import { readWorkspacePackages } from './resolve/workspace-packages';
import { VERSION } from './version';
import { computeFixes } from './fixes/compute-fixes';
import type { Fix } from './fixes/fix';
import { findIgnoreComments } from './suppress/ignore-comments';
import { FactCache, type CacheStats } from './cache/fact-cache';
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
  private readonly fileDiagnostics = new Map<string, InputDiagnostic[]>();
  private discoveryDiagnostics: InputDiagnostic[] = [];
  private map?: ModuleMap;
  private database?: DatabaseSetup;
  private host!: ResolutionHost;
  private projects!: TsconfigRegistry;
  private resolver!: ModuleResolver;
  private cache?: FactCache;
  private environment = '';
  /** Hits and misses of the persistent cache in the last full check. */
  cacheStats?: CacheStats;

  constructor(private readonly options: SessionOptions) {
    this.root = realFolder(options.root);
    this.configFile = options.configFile ? path.resolve(this.root, options.configFile) : path.join(this.root, CONFIG_FILE_NAME);
  }

  /** A full check: config, discovery, every file read and resolved, every rule run. */
  check(): CheckResult {
    const started = performance.now();
    this.load();
    this.index.clear();
    this.fileDiagnostics.clear();
    this.cache = this.map && this.options.cacheFile ? new FactCache(this.options.cacheFile, VERSION, this.environment) : undefined;
    if (this.map) {
      this.files.forEach((file, i) => {
        this.indexFile(file);
        this.options.onProgress?.(i + 1, this.files.length);
      });
    }
    if (this.cache) {
      this.cacheStats = this.cache.stats;
      try {
        this.cache.save();
      } catch (err) {
        this.discoveryDiagnostics.push({ file: '.', range: FILE_START, severity: 'warning', code: 'cache-write', message: `Could not write the cache: ${(err as Error).message}` });
      }
      this.cache = undefined;
    }
    return this.result(started);
  }

  /** Every import that resolves to a workspace file, as of the last check. */
  fileEdges(): { from: string; to: string; specifier: string; line: number }[] {
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
    this.host = new ResolutionHost(this.root, (dir, ext, exc, inc, depth) => ts.sys.readDirectory(dir, ext, exc, inc, depth), packages);
    this.projects = new TsconfigRegistry(this.root, this.host);
    this.resolver = new ModuleResolver(this.root, this.host, this.projects);
    this.rebuildMap();
    this.database = loadDatabaseSetup(this.root, config, this.loaded.locator);
    if (this.files.length === 0) {
      this.discoveryDiagnostics.push({
        file: '.', range: FILE_START, severity: 'warning', code: 'no-source-files',
        message: 'No source files found: check "include"/"ignore" in bulkhead.json and that the workspace has .ts/.js files.',
      });
    }
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
    if (!this.map) return [];
    const tracer = new ReExportTracer(this.index);
    return findModuleCrossings(this.index, this.map, tracer)
      .filter((c) => c.from.name === from && c.to.name === to)
      .map((c) => ({ file: c.file, range: c.fact.range, specifier: c.fact.specifier, typeOnly: c.fact.typeOnly, viaReExport: !!c.reExport }));
  }

  /** Quick fixes for a violation of the last analysis, as data; `readText` gives open buffers first. */
  fixesFor(violation: Violation, readText: (absFile: string) => string | undefined): Fix[] {
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
    const config = this.loaded?.config;
    if (!this.map || !config) return undefined;
    return explainFile({ index: this.index, map: this.map, policy: new DependencyPolicy(config.constraints) }, file, specifier);
  }

  /** The module a workspace-relative file belongs to, if any. */
  moduleOf(file: string): string | undefined {
    return this.map?.moduleOf(file)?.name;
  }

  /** Re-runs the rules over the current facts (cheap: no file is read). */
  analyze(): CheckResult {
    return this.result(performance.now());
  }

  /** After a create or delete: module map, resolution caches and the imports it may affect. */
  private fileSetChanged(file: string, affected: (r: Resolution) => boolean): void {
    this.host.invalidate(path.join(this.root, file));
    this.projects.clearResolutionCaches();
    this.rebuildMap();
    // Only resolutions can change: keep each file's facts (and so any unsaved text they came from).
    for (const entry of this.index.values()) {
      if (entry.file !== file && entry.resolutions.some(affected)) {
        this.index.set(entry.file, { ...entry, resolutions: this.resolveImports(path.join(this.root, entry.file), entry.facts) });
      }
    }
  }

  private indexFile(file: string, text?: string): void {
    const abs = path.join(this.root, file);
    if (text === undefined && this.cache && this.reuseCached(file, abs)) return;
    const read = text === undefined ? readSource(abs) : ({ ok: true, text, notUtf8: false } as const);
    if (!read.ok) {
      this.fileDiagnostics.set(file, [{ file, range: FILE_START, severity: 'warning', code: read.reason, message: read.message }]);
      return;
    }
    const diagnostics: InputDiagnostic[] = [];
    if (read.notUtf8) {
      diagnostics.push({ file, range: FILE_START, severity: 'info', code: 'not-utf8', message: 'not valid UTF-8; read as Latin-1' });
    }
    const facts = extractFacts(abs, read.text);
    if (facts.syntaxError) {
      diagnostics.push({
        file, range: facts.syntaxError.range, severity: 'warning', code: 'syntax-error',
        message: `syntax error (${facts.syntaxError.message}); imports that could be parsed are still checked`,
      });
    }
    const entry: IndexedFile = { file, facts, resolutions: this.resolveImports(abs, facts), ignores: findIgnoreComments(read.text) };
    this.index.set(file, entry);
    if (diagnostics.length > 0) this.fileDiagnostics.set(file, diagnostics);
    if (this.cache && 'size' in read) this.cache.store(entry, read, read.text, diagnostics);
  }

  private resolveImports(abs: string, facts: IndexedFile['facts']): Resolution[] {
    return facts.imports.map((fact) => {
      const r = this.resolver.resolve(fact.specifier, abs, fact.kind);
      return r.kind === 'file' ? { kind: 'file' as const, file: toPosix(path.relative(this.root, r.file)) } : r;
    });
  }

  /** Takes a file's facts from the persistent cache when it is unchanged; resolves again if the environment changed. */
  private reuseCached(file: string, abs: string): boolean {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch {
      return false;
    }
    const hit = this.cache!.lookup(file, stat, () => {
      const read = readSource(abs);
      return read.ok ? read.text : undefined;
    });
    if (!hit) return false;
    const entry: IndexedFile = { file, ...hit.data };
    if (!this.cache!.resolutionsValid) {
      entry.resolutions = this.resolveImports(abs, entry.facts);
      this.cache!.updateResolutions(entry);
    }
    this.index.set(file, entry);
    if (hit.diagnostics.length > 0) this.fileDiagnostics.set(file, hit.diagnostics);
    return true;
  }

  private result(started: number): CheckResult {
    const config = this.loaded.config;
    const map = this.map;
    const diagnostics = [
      ...this.loaded.diagnostics,
      ...(map?.diagnostics ?? []),
      ...(this.database?.diagnostics ?? []),
      ...this.discoveryDiagnostics,
      ...(map ? this.projects.diagnostics : []),
      ...[...this.fileDiagnostics.values()].flat(),
    ];
    const base: CheckResult = {
      version: 1,
      tool: { name: 'bulkhead', version: VERSION },
      root: this.root,
      config: toPosix(path.relative(this.root, this.configFile)),
      summary: { files: 0, modules: 0, imports: 0, errors: 0, warnings: 0, suppressed: 0, durationMs: 0 },
      violations: [],
      diagnostics,
      modules: [],
      dependencies: [],
      unresolved: [],
    };
    if (!config || !map) return finish(base, started);
    const input: AnalysisInput = {
      index: this.index,
      map,
      policy: new DependencyPolicy(config.constraints),
      severities: config.rules ?? {},
      isLocalSpecifier: (specifier, file) => isLocalSpecifier(specifier, this.projects.projectFor(path.join(this.root, file)).options),
      database: this.database,
    };
    const analysis = analyzeWorkspace(input);
    const fileCounts = new Map<string, number>();
    for (const file of this.files) {
      const m = map.moduleOf(file);
      if (m) fileCounts.set(m.name, (fileCounts.get(m.name) ?? 0) + 1);
    }
    base.violations = analysis.violations;
    base.dependencies = analysis.dependencies;
    base.modules = [...map.modules.values()]
      .map((m) => ({ name: m.name, roots: [...m.roots].sort(), fileCount: fileCounts.get(m.name) ?? 0, tags: m.tags, dependsOn: m.dependsOn ?? [] }))
      .sort((a, b) => a.name.localeCompare(b.name));
    base.unresolved = [...this.index.values()].flatMap(({ file, facts, resolutions }) =>
      facts.imports.flatMap((fact, i) => (resolutions[i].kind === 'unresolved' ? [{ file, range: fact.range, specifier: fact.specifier }] : [])),
    );
    base.summary.files = this.files.length;
    base.summary.modules = map.modules.size;
    base.summary.imports = analysis.importCount;
    base.summary.suppressed = analysis.suppressed;
    return finish(base, started);
  }
}

function finish(result: CheckResult, started: number): CheckResult {
  result.summary.errors = result.violations.filter((v) => v.severity === 'error').length;
  result.summary.warnings = result.violations.filter((v) => v.severity === 'warn').length;
  result.summary.durationMs = Math.round(performance.now() - started);
  return result;
}

/** What module resolution depends on besides the files' own text; a change re-resolves every import. */
function resolutionEnvironment(root: string, configText: string, discovery: { files: string[]; packageJsons: string[]; tsconfigs: string[] }): string {
  const hash = createHash('sha1').update(VERSION).update('\0').update(configText).update('\0').update(discovery.files.join('\n'));
  for (const rel of [...discovery.packageJsons, ...discovery.tsconfigs].sort()) {
    hash.update(`\0${rel}\0`);
    try {
      hash.update(fs.readFileSync(path.join(root, rel)));
    } catch {
      hash.update('(unreadable)');
    }
  }
  return hash.digest('hex');
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
