import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { buildCheckResult } from './build-result';
import { FactCache, fileStamp } from '../cache';
import { rebaseConfigPaths } from '../config';
import { AnalysisState, earlyViolations } from '../check';
import { readSourceText } from '../extract';
import { type CheckResult, type InputDiagnostic, type Violation, FILE_START } from '../model';
import type { WalkMemo } from '../discover';
import { VERSION } from '../version';
import { analyzeIndex, analysisInput } from './analyze-index';
import { AsideIndex } from './aside-index';
import { raiseOptimizerBudget } from './optimizer-budget';
import { scannedPathIn } from './scanned-path';
import { updatedFromCache } from './update-from-cache';
import { inputState, resolutionInputs } from './resolution-inputs';
import { ReadySession } from './ready-session';
import { needsFullCheck, workspacePaths, type SessionOptions, type WorkspacePaths } from './session-options';
import type { OpenedWorkspace, UnconfiguredWorkspace } from './session-types';
import { WorkspaceIndex } from './workspace-index';
import { readConfig, settingUpWorkspace, type ReadConfig, type WorkspaceSetup } from './workspace-setup';

/**
 * How far an opening is: files read of those to read. While the workspace is being set up (`total`
 * still 0), `found` counts the source files discovered so far.
 */
export interface OpeningProgress {
  done: number;
  total: number;
  found?: number;
}

/** A file of the workspace and its text when an editor has it open (else it is read from disk). */
export interface EarlyFile {
  absFile: string;
  text?: string;
}

/**
 * A full check: config, discovery, every file read and resolved, every rule run. Gives a session
 * for edits and questions, or, when the config cannot be read, the unconfigured workspace that
 * carries its diagnostics. With a cache and nothing changed since it was written, the stored result
 * is the answer and files are indexed only when the session first needs them.
 */
export function openWorkspace(options: SessionOptions): OpenedWorkspace {
  return new WorkspaceOpening(options).advance()!;
}

/** What an opening has once the workspace is set up and files remain to be read. */
interface ReadingState {
  setup: WorkspaceSetup;
  files: WorkspaceIndex;
}

/**
 * A full check in steps, for a caller that must stay responsive (the language server): `advance`
 * reads the config, discovers the files one folder per step (and answers from the cache when it
 * can), reads files until told to stop, then analyses; the caller may give up between steps.
 * Until then, `earlyViolations` tells a few files' findings (the editor's open ones).
 */
export class WorkspaceOpening {
  private readonly started = performance.now();
  /** Wall time from the start to the end of the setup (config, discovery, tsconfigs, the cache's answer). */
  setupMs?: number;
  /** Wall time of the analysis at the end of `advance`, which a host cannot tell from the reading before it. */
  analysisMs?: number;
  private opened?: OpenedWorkspace;
  private reading?: ReadingState;
  private readonly steps: Generator<OpeningProgress, OpenedWorkspace, void>;
  private last: OpeningProgress = { done: 0, total: 0, found: 0 };
  private pendingSave?: () => InputDiagnostic | undefined;

  constructor(private readonly options: SessionOptions) {
    this.steps = this.open();
  }

  /** Whether the config, discovery and tsconfigs are still to be read (see `earlyViolations`). */
  get settingUp(): boolean {
    return this.opened === undefined && this.reading === undefined;
  }

  /** How far the opening is: files found while setting up, then files read (all of them once finished). */
  get progress(): OpeningProgress {
    return this.last;
  }

  /**
   * Takes steps (a folder discovered, a file read) until `stop` says so (asked after each) or none
   * is left, then analyses: the opened workspace, or undefined when stopped before the end.
   */
  advance(stop: () => boolean = () => false): OpenedWorkspace | undefined {
    while (!this.opened) {
      const step = this.steps.next();
      if (step.done) {
        this.opened = step.value;
        break;
      }
      this.last = step.value;
      if (this.reading) this.options.onProgress?.(step.value.done, step.value.total);
      if (stop()) return undefined;
    }
    return this.opened;
  }

  private *open(): Generator<OpeningProgress, OpenedWorkspace, void> {
    const { started, options } = this;
    const paths = workspacePaths(options);
    const read = readConfig(paths, options.configText);
    // Paths in the config are relative to its folder, which `--config` may put outside the root.
    const config = read.loaded.config && rebaseConfigPaths(read.loaded.config, paths.root, paths.configFile);
    if (!config) return unconfigured(paths, read, started);
    const cache = options.cacheFile ? new FactCache(options.cacheFile, VERSION) : undefined;
    // With a cache, discovery lists again only the folders that changed since the last walk.
    const walkMemo: WalkMemo | undefined = cache && { previous: cache.storedFolders };
    const settingUp = settingUpWorkspace(paths, read, config, walkMemo);
    let discovered = settingUp.next();
    for (; !discovered.done; discovered = settingUp.next()) yield { done: 0, total: 0, found: discovered.value };
    const setup = discovered.value;
    const files = new WorkspaceIndex(setup);
    if (cache) {
      cache.environment = setup.environment;
      cache.rememberFolders(walkMemo?.next);
      cache.checkInputs(inputState);
    }
    const key = analysisKey(setup, files);
    const fromCache = cache && answerFromCache(setup, files, cache, key, started);
    this.setupMs = performance.now() - started;
    if (fromCache) return fromCache;
    this.reading = { setup, files };
    yield { done: 0, total: files.files.length }; // set up: a caller may stop before the first file
    const restoreBudget = raiseOptimizerBudget();
    const state = new AnalysisState();
    let result: CheckResult;
    try {
      yield* files.indexing(cache);
      const analysing = performance.now();
      result = analyzeIndex(setup, files, state, started);
      this.analysisMs = performance.now() - analysing;
    } finally {
      restoreBudget();
    }
    files.takeChanges(); // the result is of these facts: later edits are changes to it
    if (cache) {
      // What the write stores is taken now: later edits change the index, not what was read.
      const list = files.files;
      const database = files.databaseFacts;
      const inputs = resolutionInputs(setup, files);
      this.pendingSave = () => {
        try {
          cache.save(list, result, key, (rel) => fileStamp(path.join(setup.root, rel)), database, inputs);
          return undefined;
        } catch (err) {
          const warning: InputDiagnostic = { file: '.', range: FILE_START, severity: 'warning', code: 'cache-write', message: `Could not write the cache: ${(err as Error).message}` };
          setup.discoveryDiagnostics.push(warning);
          return warning;
        }
      };
      if (!options.deferCacheSave) {
        const { warning } = this.saveCache()!;
        if (warning) result.diagnostics.push(warning);
      }
    }
    return new ReadySession(setup, files, state, result, cache?.stats);
  }

  /**
   * Writes the fact cache of a finished opening, once: what `advance` left for later with
   * SessionOptions.deferCacheSave. Undefined when nothing was due; else whether it was written, or
   * the warning why not (later analyses report it too).
   */
  saveCache(): { warning?: InputDiagnostic } | undefined {
    const save = this.pendingSave;
    this.pendingSave = undefined;
    if (!save) return undefined;
    const warning = save();
    return warning ? { warning } : {};
  }

  /**
   * Before the opening is finished: the violations of these files that can be told without reading
   * the rest (see earlyViolations), with their read notices; files outside the scan are left out.
   * Empty when the opening is finished (the result has everything) or when they cannot be told early.
   * Asked while `settingUp`, it first finishes the setup (in one step).
   */
  earlyViolations(wanted: readonly EarlyFile[]): Map<string, { violations: Violation[]; diagnostics: InputDiagnostic[] }> {
    const answer = new Map<string, { violations: Violation[]; diagnostics: InputDiagnostic[] }>();
    if (this.settingUp) this.advance(() => !this.settingUp);
    if (this.opened || !this.reading) return answer;
    const { setup, files } = this.reading;
    const texts = new Map<string, string | undefined>();
    for (const { absFile, text } of wanted) {
      const rel = scannedPathIn(setup, absFile);
      if (rel !== undefined) texts.set(rel, text);
    }
    const notices = new Map<string, InputDiagnostic[]>();
    const index = new AsideIndex(setup.root, files.files, files.map, (rel) => {
      const { entry, diagnostics } = files.readAside(rel, texts.get(rel));
      notices.set(rel, diagnostics);
      return entry;
    });
    const readable = [...texts.keys()].filter((rel) => index.has(rel));
    const violations = earlyViolations({ index, ...analysisInput(setup, files) }, readable);
    if (typeof violations === 'string') return answer;
    for (const rel of readable) answer.set(rel, { violations: violations.get(rel)!, diagnostics: notices.get(rel) ?? [] });
    return answer;
  }
}

/**
 * With a cache and nothing changed since it was written (or a few files, patched into the stored
 * result), the answer without reading the workspace; files are indexed when the session first
 * needs them.
 */
function answerFromCache(setup: WorkspaceSetup, files: WorkspaceIndex, cache: FactCache, key: string, started: number): ReadySession | undefined {
  const reused = cache.reusableResult(
    files.files, key,
    (rel) => fileStamp(path.join(setup.root, rel)),
    (rel) => readSourceText(path.join(setup.root, rel)),
    (rel, database) => files.reread(rel, database),
  );
  const result = reused && ('result' in reused ? reused.result : updatedFromCache(setup, files, cache, reused.changed));
  if (!result) return undefined;
  if ('result' in reused!) {
    try {
      cache.saveRestamped();
    } catch {
      // Only an optimisation: the next run reads the changed files again.
    }
  }
  files.defer(cache);
  // A copy: building the index later looks the files up in the same cache again.
  const answer = { ...result, summary: { ...result.summary, durationMs: Math.round(performance.now() - started) } };
  return new ReadySession(setup, files, new AnalysisState(), answer, { ...cache.stats });
}

/** Convenience for one-shot checks (the CLI, tests): the opening check's result. */
export function checkWorkspace(options: SessionOptions): CheckResult {
  return openWorkspace(options).result;
}

function unconfigured(paths: WorkspacePaths, { loaded, configName }: ReadConfig, started: number): UnconfiguredWorkspace {
  const result = buildCheckResult({ root: paths.root, config: configName, diagnostics: [...loaded.diagnostics], files: [], started });
  return { ...paths, configured: false, result, needsFullCheck: (absFile) => needsFullCheck(paths, absFile) };
}

/**
 * What the analysis reads besides the files' text and what the environment hash covers: the
 * root, config, module map and database setup problems, Prisma models and discovery notices.
 * Taken before indexing: the analysis fills caches inside these objects.
 */
function analysisKey(setup: WorkspaceSetup, files: WorkspaceIndex): string {
  const db = setup.database;
  const parts = [setup.root, setup.environment, setup.loaded.diagnostics, files.map.diagnostics, db.diagnostics, db.prismaModels, setup.discoveryDiagnostics];
  return createHash('sha1').update(JSON.stringify(parts)).digest('hex');
}
