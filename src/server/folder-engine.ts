import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { WorkspaceSession, type CheckResult, type Fix, type ImportSite, type Violation } from '../engine';

/**
 * One workspace folder with a config: its engine session and the last result. All engine calls of
 * the server go through here, so the rest never sees a half-updated session.
 */
export class FolderEngine {
  readonly session: WorkspaceSession;
  private last?: CheckResult;

  constructor(readonly folder: string, configPath: string, cacheFolder?: string) {
    this.session = new WorkspaceSession({ root: folder, configFile: configPath, cacheFile: cacheFolder && cacheFileFor(cacheFolder, folder, configPath) });
  }

  /** Absolute root as the engine sees it (symlinks resolved); result paths are relative to it. */
  get root(): string {
    return this.session.root;
  }

  get result(): CheckResult | undefined {
    return this.last;
  }

  static configExists(folder: string, configPath: string): boolean {
    return fs.existsSync(path.resolve(folder, configPath));
  }

  fullCheck(): CheckResult {
    this.last = this.session.check();
    return this.last;
  }

  /** Takes a buffer's text, or re-reads the file (created, saved, deleted) when `text` is undefined. */
  update(absFile: string, text?: string): void {
    if (!this.session.scannedPath(absFile)) return;
    if (text === undefined && !fs.existsSync(absFile)) this.session.removeFile(absFile);
    else this.session.updateFile(absFile, text);
  }

  analyze(): CheckResult {
    this.last = this.session.analyze();
    return this.last;
  }

  moduleOf(absFile: string): string | undefined {
    const rel = this.session.scannedPath(absFile);
    return rel === undefined ? undefined : this.session.moduleOf(rel);
  }

  importSites(from: string, to: string): ImportSite[] {
    return this.last ? this.session.importSites(from, to) : [];
  }

  findViolation(file: string, rule: string, fingerprint: string): Violation | undefined {
    return this.last?.violations.find((v) => v.fingerprint === fingerprint && v.rule === rule && v.file === file);
  }

  findViolationAt(file: string, rule: string, line: number, column: number): Violation | undefined {
    return this.last?.violations.find((v) => v.file === file && v.rule === rule && v.range.start.line === line && v.range.start.column === column);
  }

  fixesFor(violation: Violation, readText: (absFile: string) => string | undefined): Fix[] {
    return this.session.fixesFor(violation, readText);
  }
}

/** One cache per folder and config in the editor's storage; the name only has to be stable and safe. */
function cacheFileFor(cacheFolder: string, folder: string, configPath: string): string {
  return path.join(cacheFolder, `facts-${createHash('sha1').update(`${folder}\0${configPath}`).digest('hex').slice(0, 16)}.json`);
}
