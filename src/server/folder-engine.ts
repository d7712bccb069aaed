import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  needsFullCheck, workspacePaths, WorkspaceOpening,
  type AnalysisKind, type CacheStats, type CheckResult, type Fix, type ImportSite, type OpenedWorkspace, type Violation, type WorkspacePaths,
} from '../engine';

/**
 * One workspace folder with a config: its engine session and the last result. All engine calls of
 * the server go through here, so the rest never sees a half-updated session.
 */
export class FolderEngine {
  private readonly paths: WorkspacePaths;
  private readonly cacheFile?: string;
  /** Opened again by every full check; undefined until the first. */
  private opened?: OpenedWorkspace;
  private last?: CheckResult;

  constructor(readonly folder: string, configPath: string, cacheFolder?: string) {
    this.paths = workspacePaths({ root: folder, configFile: configPath });
    this.cacheFile = cacheFolder && cacheFileFor(cacheFolder, folder, configPath);
  }

  /** Absolute root as the engine sees it (symlinks resolved); result paths are relative to it. */
  get root(): string {
    return this.paths.root;
  }

  /** Absolute path of the config file. */
  get configFile(): string {
    return this.paths.configFile;
  }

  /** The ready session, unless the config could not be read (or nothing was checked yet). */
  private get session() {
    return this.opened?.configured ? this.opened : undefined;
  }

  /** How the last re-check went: patched from the one before, or the whole workspace analysed and why. */
  get lastAnalysis(): AnalysisKind | undefined {
    return this.session?.lastAnalysis;
  }

  /** Hits and misses of the persistent cache in the last full check. */
  get cacheStats(): CacheStats | undefined {
    return this.session?.cacheStats;
  }

  /** Whether a change to this file needs a full check (the config, a tsconfig, a package.json). */
  needsFullCheck(absFile: string): boolean {
    return needsFullCheck(this.paths, absFile);
  }

  /** The workspace-relative path of a file the last full check scans, else undefined. */
  scannedPath(absFile: string): string | undefined {
    return this.session?.scannedPath(absFile);
  }

  get result(): CheckResult | undefined {
    return this.last;
  }

  static configExists(folder: string, configPath: string): boolean {
    return fs.existsSync(path.resolve(folder, configPath));
  }

  /** A full check in one step, which writes the fact cache before it answers, as the CLI's. */
  fullCheck(): CheckResult {
    return this.complete(this.opening(false).advance()!);
  }

  /**
   * A full check to run in steps (see WorkspaceOpening); `complete` takes what it opens. The fact
   * cache is written by the opening's `saveCache`, once the result is out.
   */
  beginFullCheck(): WorkspaceOpening {
    return this.opening(true);
  }

  private opening(deferCacheSave: boolean): WorkspaceOpening {
    return new WorkspaceOpening({ root: this.paths.root, configFile: this.paths.configFile, cacheFile: this.cacheFile, deferCacheSave });
  }

  complete(opened: OpenedWorkspace): CheckResult {
    this.opened = opened;
    this.last = opened.result;
    return this.last;
  }

  /** Takes a buffer's text, or re-reads the file (created, saved, deleted) when `text` is undefined. */
  update(absFile: string, text?: string): void {
    const session = this.session;
    // Other files matter when they appear or go away: an import may name a stylesheet or an image.
    if (!session || (text !== undefined && !session.scannedPath(absFile))) return;
    if (text === undefined && !fs.existsSync(absFile)) session.removeFile(absFile);
    else session.updateFile(absFile, text);
  }

  analyze(): CheckResult {
    // Nothing to re-analyse before the first full check; without a session the config's problems still hold.
    if (!this.opened) return this.fullCheck();
    this.last = this.opened.configured ? this.opened.analyze() : this.opened.result;
    return this.last;
  }

  moduleOf(absFile: string): string | undefined {
    const rel = this.scannedPath(absFile);
    return rel === undefined ? undefined : this.session?.moduleOf(rel);
  }

  importSites(from: string, to: string): ImportSite[] {
    return this.session?.importSites(from, to) ?? [];
  }

  findViolation(file: string, rule: string, fingerprint: string): Violation | undefined {
    return this.last?.violations.find((v) => v.fingerprint === fingerprint && v.rule === rule && v.file === file);
  }

  findViolationAt(file: string, rule: string, line: number, column: number): Violation | undefined {
    return this.last?.violations.find((v) => v.file === file && v.rule === rule && v.range.start.line === line && v.range.start.column === column);
  }

  fixesFor(violation: Violation, readText: (absFile: string) => string | undefined): Fix[] {
    return this.session?.fixesFor(violation, readText) ?? [];
  }
}

/** One cache per folder and config in the editor's storage; the name only has to be stable and safe. */
function cacheFileFor(cacheFolder: string, folder: string, configPath: string): string {
  return path.join(cacheFolder, `facts-${createHash('sha1').update(`${folder}\0${configPath}`).digest('hex').slice(0, 16)}.json`);
}
