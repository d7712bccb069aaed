import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { buildCheckResult } from './build-result';
import { FactCache, fileStamp } from '../cache';
import { rebaseConfigPaths } from '../config';
import { AnalysisState } from '../check';
import { readSourceText } from '../extract';
import { type CheckResult, type InputDiagnostic, FILE_START } from '../model';
import type { WalkMemo } from '../discover';
import { VERSION } from '../version';
import { analyzeIndex } from './analyze-index';
import { updatedFromCache } from './update-from-cache';
import { inputState, resolutionInputs } from './resolution-inputs';
import { ReadySession } from './ready-session';
import { needsFullCheck, workspacePaths, type SessionOptions, type WorkspacePaths } from './session-options';
import type { OpenedWorkspace, UnconfiguredWorkspace } from './session-types';
import { WorkspaceIndex } from './workspace-index';
import { readConfig, setUpWorkspace, type ReadConfig, type WorkspaceSetup } from './workspace-setup';

/**
 * A full check: config, discovery, every file read and resolved, every rule run. Gives a session
 * for edits and questions, or, when the config cannot be read, the unconfigured workspace that
 * carries its diagnostics. With a cache and nothing changed since it was written, the stored result
 * is the answer and files are indexed only when the session first needs them.
 */
export function openWorkspace(options: SessionOptions): OpenedWorkspace {
  const started = performance.now();
  const paths = workspacePaths(options);
  const read = readConfig(paths, options.configText);
  // Paths in the config are relative to its folder, which `--config` may put outside the root.
  const config = read.loaded.config && rebaseConfigPaths(read.loaded.config, paths.root, paths.configFile);
  if (!config) return unconfigured(paths, read, started);
  const cache = options.cacheFile ? new FactCache(options.cacheFile, VERSION) : undefined;
  // With a cache, discovery lists again only the folders that changed since the last walk.
  const walkMemo: WalkMemo | undefined = cache && { previous: cache.storedFolders };
  const setup = setUpWorkspace(paths, read, config, walkMemo);
  const files = new WorkspaceIndex(setup);
  if (cache) {
    cache.environment = setup.environment;
    cache.rememberFolders(walkMemo?.next);
    cache.checkInputs(inputState);
  }
  const key = analysisKey(setup, files);
  if (cache) {
    const reused = cache.reusableResult(
      files.files, key,
      (rel) => fileStamp(path.join(setup.root, rel)),
      (rel) => readSourceText(path.join(setup.root, rel)),
      (rel, database) => files.reread(rel, database),
    );
    const result = reused && ('result' in reused ? reused.result : updatedFromCache(setup, files, cache, reused.changed));
    if (result) {
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
  }
  files.indexAll(cache, options.onProgress);
  const state = new AnalysisState();
  const result = analyzeIndex(setup, files, state, started);
  if (cache) {
    try {
      cache.save(files.files, result, key, (rel) => fileStamp(path.join(setup.root, rel)), files.databaseFacts, resolutionInputs(setup, files));
    } catch (err) {
      const warning: InputDiagnostic = { file: '.', range: FILE_START, severity: 'warning', code: 'cache-write', message: `Could not write the cache: ${(err as Error).message}` };
      setup.discoveryDiagnostics.push(warning);
      result.diagnostics.push(warning);
    }
  }
  return new ReadySession(setup, files, state, result, cache?.stats);
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
