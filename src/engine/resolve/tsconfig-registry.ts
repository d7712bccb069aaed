import * as path from 'node:path';
import { ts } from 'ts-morph';
import { type InputDiagnostic, LineIndex, FILE_START, toPosix } from '../model';
import type { ResolutionHost } from './resolution-host';
import { resolutionOptionsKey } from './resolution-options-key';

/** A tsconfig as module resolution needs it. */
export interface Project {
  /** Absolute path, or undefined for the defaults used when no tsconfig applies. */
  configFile: string | undefined;
  options: ts.CompilerOptions;
  /** The files the tsconfig includes, listed on first use (most files' project is known without). */
  readonly fileNames: ReadonlySet<string>;
  references: string[];
  resolutionCache: ts.ModuleResolutionCache;
  /** Resolutions that do not depend on the importing folder (see location-independent-key.ts). */
  sharedResolutions: Map<string, ts.ResolvedModuleFull | undefined>;
}

/** In each folder, in the order an editor tries them. */
const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'];

/** Ignored: a tsconfig listing no inputs is fine when another one owns the files. */
const IGNORED_TSCONFIG_ERRORS = new Set([18003]);

/**
 * Finds, for each file, the nearest tsconfig.json that includes it (trying the projects it
 * references too), the way an editor picks a file's project. A jsconfig.json counts as well, after
 * the tsconfig.json of its folder: it is a JavaScript project's only config (`paths` and `baseUrl`
 * included), and TypeScript reads it with `allowJs` and its other defaults for jsconfig files.
 */
export class TsconfigRegistry {
  private readonly projects = new Map<string, Project | null>();
  private readonly nearestConfigs = new Map<string, string[]>();
  private readonly projectOfFile = new Map<string, Project>();
  /** Projects whose options resolve alike share their caches (see resolutionOptionsKey). */
  private readonly resolutionGroups = new Map<string, Pick<Project, 'resolutionCache' | 'sharedResolutions'>>();
  readonly diagnostics: InputDiagnostic[] = [];
  private readonly fallback: Project;

  constructor(private readonly root: string, private readonly host: ResolutionHost) {
    this.fallback = this.makeProject(undefined, {
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      allowJs: true,
      resolveJsonModule: true,
    }, () => [], []);
  }

  projectFor(absFile: string): Project {
    // Asked once per import and once per unresolved specifier on every analysis: remember it.
    let project = this.projectOfFile.get(absFile);
    if (!project) {
      project = this.findProject(absFile);
      this.projectOfFile.set(absFile, project);
    }
    return project;
  }

  private findProject(absFile: string): Project {
    const key = toPosix(absFile);
    const candidates = this.configsAbove(path.dirname(absFile));
    if (candidates.length === 1) {
      // The only tsconfig above, without references, is the file's project whether it includes the file or not.
      const only = this.load(candidates[0]);
      if (only && only.references.length === 0) return only;
    }
    for (const configFile of candidates) {
      const found = this.findIncluding(configFile, key, new Set());
      if (found) return found;
    }
    for (const configFile of candidates) {
      const project = this.load(configFile);
      if (project) return project;
    }
    return this.fallback;
  }

  /** The project of one tsconfig file (parsed once), or undefined when it cannot be read. */
  projectAt(configFile: string): Project | undefined {
    return this.load(configFile);
  }

  /** How many specifier answers the projects keep (they grow with every new specifier). */
  sharedResolutionCount(): number {
    const maps = new Set([this.fallback.sharedResolutions]);
    for (const project of this.projects.values()) if (project) maps.add(project.sharedResolutions);
    let n = 0;
    for (const map of maps) n += map.size;
    return n;
  }

  /** Forgets cached resolutions (after a file was created or deleted), keeping parsed tsconfigs. */
  clearResolutionCaches(): void {
    this.projectOfFile.clear();
    this.fallback.resolutionCache.clear();
    this.fallback.sharedResolutions.clear();
    for (const project of this.projects.values()) {
      project?.resolutionCache.clear();
      project?.sharedResolutions.clear();
    }
  }

  /** Forgets parsed tsconfigs, e.g. after one of them changed. */
  reset(): void {
    this.projectOfFile.clear();
    this.projects.clear();
    this.resolutionGroups.clear();
    this.nearestConfigs.clear();
    this.diagnostics.length = 0;
  }

  private findIncluding(configFile: string, file: string, seen: Set<string>): Project | undefined {
    if (seen.has(configFile)) return undefined;
    seen.add(configFile);
    const project = this.load(configFile);
    if (!project) return undefined;
    if (project.fileNames.has(file)) return project;
    for (const ref of project.references) {
      const found = this.findIncluding(ref, file, seen);
      if (found) return found;
    }
    return undefined;
  }

  private configsAbove(dir: string): string[] {
    const cached = this.nearestConfigs.get(dir);
    if (cached) return cached;
    const own = CONFIG_NAMES.map((name) => path.join(dir, name)).filter((f) => this.host.fileExists(f));
    const parent = path.dirname(dir);
    const inside = dir === this.root || dir.startsWith(this.root + path.sep);
    const above = inside && parent !== dir && dir !== this.root ? this.configsAbove(parent) : [];
    const result = [...own, ...above];
    this.nearestConfigs.set(dir, result);
    return result;
  }

  private load(configFile: string): Project | undefined {
    const cached = this.projects.get(configFile);
    if (cached !== undefined) return cached ?? undefined;
    const read = ts.readConfigFile(configFile, this.host.readFile);
    if (read.error) {
      this.report(read.error, configFile);
      this.projects.set(configFile, null);
      return undefined;
    }
    // A project with references needs its file list to tell its files from theirs (`references` is
    // never inherited, so the file's own JSON tells). Without, the folders `include` names are
    // listed only if another tsconfig above a file makes its list matter: a second parse, then.
    const listNow = hasReferences(read.config);
    const unlisted: ts.ParseConfigHost = { useCaseSensitiveFileNames: this.host.useCaseSensitiveFileNames, fileExists: this.host.fileExists, readFile: this.host.readFile, readDirectory: () => [] };
    const parse = (host: ts.ParseConfigHost): ts.ParsedCommandLine => ts.parseJsonConfigFileContent(read.config, host, path.dirname(configFile), undefined, configFile);
    const parsed = parse(listNow ? this.host : unlisted);
    const listFiles = (): string[] => (listNow ? parsed : parse(this.host)).fileNames;
    for (const error of parsed.errors) {
      if (!IGNORED_TSCONFIG_ERRORS.has(error.code)) this.report(error, configFile);
    }
    const references = (parsed.projectReferences ?? []).map((r) =>
      r.path.endsWith('.json') ? path.resolve(r.path) : path.join(path.resolve(r.path), 'tsconfig.json'),
    );
    // Resolution should reach .js and .json targets even where the compiler would not emit them.
    const options = { ...parsed.options, allowJs: true, resolveJsonModule: true };
    const project = this.makeProject(configFile, options, listFiles, references);
    this.projects.set(configFile, project);
    return project;
  }

  private makeProject(configFile: string | undefined, options: ts.CompilerOptions, listFiles: () => string[], references: string[]): Project {
    const getCanonical = (f: string): string => (this.host.useCaseSensitiveFileNames ? f : f.toLowerCase());
    // A monorepo's packages extend one base tsconfig and differ in outDir and rootDir: resolving
    // `@scope/core/lib/x` once for all of them, not once per package, was most of resolution's time.
    const key = configFile === undefined ? undefined : resolutionOptionsKey(options);
    let caches = key === undefined ? undefined : this.resolutionGroups.get(key);
    if (!caches) {
      caches = { resolutionCache: ts.createModuleResolutionCache(configFile ? path.dirname(configFile) : this.root, getCanonical, options), sharedResolutions: new Map() };
      if (key !== undefined) this.resolutionGroups.set(key, caches);
    }
    let fileNames: ReadonlySet<string> | undefined;
    return {
      configFile,
      options,
      get fileNames(): ReadonlySet<string> {
        return (fileNames ??= new Set(listFiles().map(toPosix)));
      },
      references,
      ...caches,
    };
  }

  private report(error: ts.Diagnostic, configFile: string): void {
    const file = error.file?.fileName ?? configFile;
    let range = FILE_START;
    if (error.file && error.start !== undefined) {
      range = new LineIndex(error.file.text).range(error.start, error.start + (error.length ?? 0));
    }
    this.diagnostics.push({
      file: toPosix(path.relative(this.root, file)),
      range,
      severity: 'warning',
      code: 'tsconfig',
      message: `tsconfig problem: ${ts.flattenDiagnosticMessageText(error.messageText, ' ')}`,
    });
  }
}

function hasReferences(config: unknown): boolean {
  const references = config && typeof config === 'object' ? (config as { references?: unknown }).references : undefined;
  return Array.isArray(references) && references.length > 0;
}
