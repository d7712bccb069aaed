import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver/node';
import { writeCompileCaches, type CacheStats, type CheckResult, type WorkspaceOpening } from '../engine';
import {
  scanFinishedNotification, scanProgressNotification, scanStartedNotification, statusNotification, type FolderStatus,
} from '../protocol/messages';
import type { BaselineUpdate } from '../protocol/messages';
import type { BulkheadSettings } from '../protocol/settings';
import { BaselineFilter, baselineNote } from './baseline-filter';
import { ChangeQueue } from './change-queue';
import { DiagnosticsPublisher } from './diagnostics-publisher';
import { EarlyFindings } from './early-findings';
import type { FolderEngine } from './folder-engine';
import { toDiagnostics } from './to-diagnostics';
import { withSchemaCheck } from './schema-reference';
import { WorkspaceEngines } from './workspace-engines';

/** How long edits settle before a re-check: short, the 50 ms budget is for the whole round trip. */
const TYPING_DELAY_MS = 25;
/** File events come in bursts (git checkout, npm install): wait for the burst to end. */
const DISK_DELAY_MS = 150;
/** More changed files than this in one burst (a branch switch) and a full check is cheaper. */
const FULL_CHECK_THRESHOLD = 200;
/** How long after a full check's result the caches are written (see runScan). */
const CACHE_WRITE_DELAY_MS = 500;
/** A full check gives the event loop a turn this often: edits, requests and a cancel are served during it. */
const SLICE_MS = 25;
/** A slow first scan reports how far it is at most this often. */
const PROGRESS_EVERY_MS = 200;

/** A full check running in slices; a newer one for the folder, or the client's Cancel, ends it. */
interface ScanRun {
  stopped?: 'cancelled' | 'superseded';
  /** Whether the client was told it started (a first scan: it shows progress, with Cancel). */
  announced: boolean;
  finished: Promise<void>;
}

/**
 * The checking loop of the language server: which folders have engines, what changed, when to
 * re-check, and publishing diagnostics and status. Knows LSP only through the connection.
 */
export class BulkheadServer {
  readonly engines: WorkspaceEngines;
  private readonly publisher: DiagnosticsPublisher;
  private readonly queue = new ChangeQueue(() => this.runQueued());
  private readonly reportedFailures = new Set<string>();
  private readonly baselines = new BaselineFilter();
  private readonly scans = new Map<string, ScanRun>();
  /** File changes that came while their folder was being scanned: applied once the scan is done. */
  private readonly held = new Map<string, Map<string, string | undefined>>();

  constructor(
    private readonly connection: Connection,
    private settings: BulkheadSettings,
    /** Where each folder's fact cache is kept (the editor's workspace storage); none when absent. */
    cacheFolder: string | undefined,
    /** Open buffers with their current text, to re-apply after a full check re-read the disk. */
    private readonly openBuffers: () => { file: string; text: string }[],
  ) {
    this.engines = new WorkspaceEngines(settings.configPath, cacheFolder);
    this.publisher = new DiagnosticsPublisher(connection);
  }

  get runOnType(): boolean {
    return this.settings.run === 'onType';
  }

  setFolders(folders: string[]): void {
    this.applySync(this.engines.sync(folders, this.settings.configPath));
  }

  updateSettings(settings: BulkheadSettings): void {
    const before = this.settings;
    this.settings = settings;
    if (!settings.enable) {
      for (const e of this.engines.all()) this.publisher.clear(e.folder);
      this.sendStatus();
      return;
    }
    if (settings.configPath !== before.configPath) this.applySync(this.engines.sync(undefined, settings.configPath));
    for (const e of this.engines.all()) this.queue.fullCheck(e.folder, 0);
  }

  /** An unsaved edit (text) or a file that changed on disk (undefined). */
  fileChanged(absFile: string, text: string | undefined): void {
    if (!this.settings.enable) return;
    const engine = this.engines.forFile(absFile);
    if (!engine) {
      if (path.basename(absFile) === path.basename(this.settings.configPath)) this.applySync(this.engines.sync());
      return;
    }
    if (engine.needsFullCheck(absFile) || path.basename(absFile) === 'HEAD') {
      if (text === undefined) this.queue.fullCheck(engine.folder, DISK_DELAY_MS);
      return;
    }
    // a folder created or deleted with its files may come as one event for the folder
    if (text === undefined && !path.extname(absFile) && isFolderOrGone(absFile)) {
      this.queue.fullCheck(engine.folder, DISK_DELAY_MS);
      return;
    }
    // a file changed on disk (checkout) while open with unsaved edits: the editor's text wins
    const current = text ?? (this.runOnType ? this.openBuffers().find((b) => b.file === absFile)?.text : undefined);
    this.queue.edit(engine.folder, absFile, current, text === undefined ? DISK_DELAY_MS : TYPING_DELAY_MS);
  }

  /** A burst of file events from the watcher. */
  filesChangedOnDisk(absFiles: string[]): void {
    if (absFiles.some(BaselineFilter.isBaselineFile)) {
      this.republish(); // nothing to re-check: the same result, matched against the new file
      absFiles = absFiles.filter((f) => !BaselineFilter.isBaselineFile(f));
    }
    if (absFiles.some((f) => path.basename(f) === path.basename(this.settings.configPath))) this.applySync(this.engines.sync());
    const perFolder = new Map<FolderEngine, string[]>();
    for (const file of absFiles) {
      const engine = this.engines.forFile(file);
      if (engine) perFolder.set(engine, [...(perFolder.get(engine) ?? []), file]);
    }
    for (const [engine, files] of perFolder) {
      if (files.length > FULL_CHECK_THRESHOLD) this.queue.fullCheck(engine.folder, DISK_DELAY_MS);
      else for (const f of files) this.fileChanged(f, undefined);
    }
  }

  /** Applies queued edits now, e.g. before computing code actions against the latest text. */
  flush(): void {
    this.runQueued();
  }

  async recheckAll(): Promise<FolderStatus[]> {
    await Promise.all(this.engines.all().map((engine) => this.scan(engine)));
    return this.status();
  }

  /** The client's Cancel on a slow first scan: that folder stays unchecked until a re-check. */
  cancelScan(folder: string, why: ScanRun['stopped'] = 'cancelled'): void {
    const run = this.scans.get(folder);
    if (run) run.stopped ??= why;
  }

  status(): FolderStatus[] {
    if (!this.settings.enable) return [];
    return this.engines.all().flatMap((e) => (e.result ? [{ ...folderStatus(e.folder, e.result), ...this.baselines.status(e.folder) }] : []));
  }

  /** "Bulkhead: Update Baseline" / "Record Baseline", on the last check of each folder (or one). */
  updateBaseline(folder: string | undefined, record: boolean): BaselineUpdate[] {
    this.runQueued();
    const engines = this.engines.all().filter((e) => e.result && (!folder || e.folder === folder));
    const updates = engines.map((e) => this.baselines.update(e.folder, e.result as CheckResult, record));
    this.republish();
    return updates;
  }

  private republish(): void {
    if (!this.settings.enable) return;
    for (const engine of this.engines.all()) if (engine.result) this.publish(engine, engine.result);
  }

  private applySync({ added, removed }: { added: FolderEngine[]; removed: string[] }): void {
    for (const folder of removed) {
      this.cancelScan(folder, 'superseded');
      this.publisher.clear(folder);
      this.baselines.forget(folder);
    }
    for (const engine of added) void this.scan(engine, true);
    if (removed.length > 0) this.sendStatus();
  }

  /**
   * A full check in slices, the event loop served between them, superseding one already running
   * for the folder. A first scan (`announce`) tells the client, so that it can show progress and
   * offer Cancel, and publishes the open files' findings that can be told before the rest is read.
   */
  private scan(engine: FolderEngine, announce = false): Promise<void> {
    const { folder } = engine;
    const previous = this.scans.get(folder);
    if (previous) previous.stopped ??= 'superseded';
    // the client still shows the superseded scan's progress: this one ends it
    const run: ScanRun = { announced: announce || !!previous?.announced, finished: Promise.resolve() };
    this.scans.set(folder, run);
    if (announce && !previous?.announced) void this.connection.sendNotification(scanStartedNotification, { folder });
    run.finished = this.runScan(engine, run).finally(() => {
      if (this.scans.get(folder) === run) this.scans.delete(folder);
      // a cancelled first scan leaves the folder unchecked: the open files' early findings go too
      if (run.stopped === 'cancelled' && !engine.result) this.publisher.clear(folder);
      // A scan that took over ends the client's progress itself; a folder removed mid-scan has none.
      if (run.announced && !this.scans.get(folder)?.announced) void this.connection.sendNotification(scanFinishedNotification, { folder, cancelled: run.stopped === 'cancelled' });
      if (this.engines.get(folder) !== engine) this.held.delete(folder); // the folder was closed
      else if (!this.scans.has(folder) && this.held.has(folder)) this.applyHeld(engine);
    });
    return run.finished;
  }

  private async runScan(engine: FolderEngine, run: ScanRun): Promise<void> {
    const { folder } = engine;
    await nextTurn(); // let the notification out, and a superseding check in, before the CPU is busy
    if (run.stopped || !this.settings.enable) return;
    // CPU too: in an editor that is starting, the wall time mostly tells what else ran.
    const started = { wall: performance.now(), cpu: process.cpuUsage() };
    const opening = engine.beginFullCheck();
    const early = run.announced && !engine.result ? new EarlyFindings(this, engine, opening) : undefined;
    let reported = performance.now();
    /** Time in the slices after the setup (the slice that ends it counts as setup). */
    let inSlices = 0;
    for (;;) {
      await nextTurn(); // the editor's didOpen messages come in here, and edits, requests, a cancel
      if (run.stopped || !this.settings.enable) return;
      early?.publishNewlyOpened();
      const deadline = performance.now() + SLICE_MS;
      const sliceStart = performance.now();
      const settingUp = opening.settingUp;
      const step = this.guarded(folder, 'full check', () => ({ opened: opening.advance(() => performance.now() > deadline) }));
      if (!settingUp) inSlices += performance.now() - sliceStart;
      if (!step) return;
      if (step.opened) {
        const phases = phasesNote(opening.setupMs ?? 0, inSlices, opening.analysisMs ?? 0, performance.now() - started.wall);
        this.guarded(folder, 'full check', () => this.finish(engine, engine.complete(step.opened!), started, phases));
        // Later, so that the diagnostics go out first: a burst of them can fill the pipe to the
        // client, which only the event loop drains, and the writes block it for a few hundred ms.
        setTimeout(() => this.guarded(folder, 'cache write', () => this.saveCaches(folder, opening)), CACHE_WRITE_DELAY_MS);
        return;
      }
      if (run.announced && performance.now() - reported > PROGRESS_EVERY_MS) {
        reported = performance.now();
        void this.connection.sendNotification(scanProgressNotification, { folder, ...opening.progress });
      }
    }
  }

  /**
   * An engine bug must not take the server down (the client would restart it into the same
   * failure): report it in the output channel and once as a message, and keep serving.
   */
  guarded<T>(folder: string, what: string, run: () => T): T | undefined {
    try {
      return run();
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.connection.console.error(`${folder}: ${what} failed: ${e instanceof Error && e.stack ? e.stack : message}`);
      if (!this.reportedFailures.has(folder)) {
        this.reportedFailures.add(folder);
        void this.connection.window.showErrorMessage(`Bulkhead: ${what} of ${folder} failed (${message}). Details in the Bulkhead output.`);
      }
      return undefined;
    }
  }

  /**
   * After a full check's result is out: its fact cache, and once per process TypeScript's code
   * cache (an editor may kill the server on close, before the write at exit).
   */
  private saveCaches(folder: string, opening: WorkspaceOpening): void {
    const started = performance.now();
    const saved = opening.saveCache();
    if (saved?.warning) this.connection.console.warn(`${folder}: ${saved.warning.message}; the next start reads every file again`);
    else if (saved) this.connection.console.info(`${folder}: fact cache written in ${ms(performance.now() - started)}`);
    writeCompileCaches();
  }

  /** After a full check: the open buffers' text again (it read the disk), then the result published. */
  private finish(engine: FolderEngine, result: CheckResult, started: { wall: number; cpu: NodeJS.CpuUsage }, phases: string): void {
    const scanned = performance.now();
    const cpu = process.cpuUsage(started.cpu);
    let reapplied = 0;
    if (this.runOnType) {
      for (const { file, text } of this.openBuffers()) {
        if (this.engines.forFile(file) === engine && engine.scannedPath(file)) {
          engine.update(file, text);
          reapplied++;
        }
      }
    }
    const final = reapplied > 0 ? engine.analyze() : result;
    this.connection.console.info(
      `${engine.folder}: full check of ${final.summary.files} files, ${final.summary.modules} modules in ${ms(scanned - started.wall)} (CPU ${ms((cpu.user + cpu.system) / 1000)}; ${phases})${cacheNote(engine.cacheStats)}`
      + `${reapplied ? ` (+${reapplied} open buffers, ${ms(performance.now() - scanned)})` : ''}: ${final.summary.errors} errors, ${final.summary.warnings} warnings`,
    );
    this.publish(engine, final);
  }

  private runQueued(): void {
    if (!this.settings.enable) return;
    const { full, edits } = this.queue.take();
    for (const folder of full) {
      const engine = this.engines.get(folder);
      if (engine) void this.scan(engine);
    }
    for (const [folder, files] of edits) {
      const engine = this.engines.get(folder);
      if (!engine) continue;
      if (this.scans.has(folder)) {
        // the scan may have read these files before they changed
        const held = this.held.get(folder) ?? new Map<string, string | undefined>();
        for (const [file, text] of files) held.set(file, text);
        this.held.set(folder, held);
        continue;
      }
      if (!engine.result) continue;
      this.recheck(engine, files);
    }
  }

  private applyHeld(engine: FolderEngine): void {
    const files = this.held.get(engine.folder)!;
    this.held.delete(engine.folder);
    if (engine.result && this.settings.enable) this.recheck(engine, files);
  }

  private recheck(engine: FolderEngine, files: ReadonlyMap<string, string | undefined>): void {
    this.guarded(engine.folder, 're-check', () => {
      const started = performance.now();
      for (const [file, text] of files) engine.update(file, text);
      const result = engine.analyze();
      const how = engine.lastAnalysis;
      const kind = how?.patched ? `, ${how.files} file(s) analysed` : how ? `, the whole workspace analysed: ${how.reason}` : '';
      this.connection.console.log(`${engine.folder}: ${files.size} changed file(s) re-checked in ${ms(performance.now() - started)}${kind}`);
      this.publish(engine, result);
    });
  }

  /** Diagnostics of a first scan's open files before the whole result (see EarlyFindings). */
  publishEarly(engine: FolderEngine, partial: Pick<CheckResult, 'root' | 'config' | 'violations' | 'diagnostics'>): void {
    this.publisher.publish(engine.folder, this.baselines.apply(engine.folder, partial as CheckResult, toDiagnostics(partial, this.settings), this.settings));
  }

  /** Open buffers of this engine's folder, as the scan should read them. */
  openFilesOf(engine: FolderEngine): { absFile: string; text?: string }[] {
    return this.openBuffers().filter((b) => this.engines.forFile(b.file) === engine).map((b) => ({ absFile: b.file, text: this.runOnType ? b.text : undefined }));
  }

  private publish(engine: FolderEngine, result: CheckResult): void {
    const before = baselineNote(this.baselines.status(engine.folder));
    this.publisher.publish(engine.folder, withSchemaCheck(result, this.baselines.apply(engine.folder, result, toDiagnostics(result, this.settings), this.settings)));
    const note = baselineNote(this.baselines.status(engine.folder));
    if (note && note !== before) this.connection.console.info(`${engine.folder}: ${note}`);
    this.sendStatus();
  }

  private sendStatus(): void {
    void this.connection.sendNotification(statusNotification, this.status());
  }
}

function folderStatus(folder: string, r: CheckResult): FolderStatus {
  return {
    folder,
    errors: r.summary.errors,
    warnings: r.summary.warnings,
    files: r.summary.files,
    modules: r.summary.modules,
    configErrors: r.diagnostics.filter((d) => d.severity === 'error').length,
    durationMs: r.summary.durationMs,
  };
}

function isFolderOrGone(absPath: string): boolean {
  try {
    return fs.statSync(absPath).isDirectory();
  } catch {
    return true;
  }
}

function ms(n: number): string {
  return `${Math.round(n)} ms`;
}

/**
 * Where a full check's wall time went: the opening's setup (config, discovery, tsconfigs; the
 * turns between its slices included), reading the files, the analysis, and the turns between the
 * later slices (the editor's messages, the open files' early findings). In a starting editor the
 * setup's share tells how little CPU the server got.
 */
function phasesNote(setupMs: number, inSlices: number, analysisMs: number, total: number): string {
  return `setup ${ms(setupMs)}, reading ${ms(inSlices - analysisMs)}, analysis ${ms(analysisMs)}, between slices ${ms(Math.max(0, total - setupMs - inSlices))}`;
}

function cacheNote(stats: CacheStats | undefined): string {
  if (!stats) return '';
  if (stats.reusedResult) return ' (cache: nothing changed, last result reused)';
  if (stats.patched !== undefined) return ` (cache: ${stats.misses} changed file(s); the last result brought up to date by analysing ${stats.patched} file(s))`;
  return ` (cache: ${stats.hits} of ${stats.hits + stats.misses} files${stats.rejected ? `; the old one was ${stats.rejected}` : ''})`;
}

/** A turn of the event loop: messages that arrived meanwhile are handled before this resolves. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
