import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME } from '../config';

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
  /**
   * A WorkspaceOpening's `advance` leaves the cache write to its `saveCache`, for a host that
   * shows the result first (the language server): on a large workspace the write costs a few
   * hundred ms. A failed deferred write is `saveCache`'s answer, not a diagnostic of the result.
   */
  deferCacheSave?: boolean;
}

/** Where a workspace is, as the engine sees it: the root with symlinks resolved, the config file absolute. */
export interface WorkspacePaths {
  readonly root: string;
  readonly configFile: string;
}

export function workspacePaths({ root, configFile }: Pick<SessionOptions, 'root' | 'configFile'>): WorkspacePaths {
  const real = realFolder(root);
  return { root: real, configFile: configFile ? path.resolve(real, configFile) : path.join(real, CONFIG_FILE_NAME) };
}

/** Whether a change to this file invalidates everything (the config, a tsconfig or jsconfig, a package.json): open the workspace again. */
export function needsFullCheck({ configFile }: WorkspacePaths, absFile: string): boolean {
  const name = path.basename(absFile);
  return path.resolve(absFile) === configFile || /^tsconfig.*\.json$/.test(name) || name === 'jsconfig.json' || name === 'package.json' || name === '.gitignore' || name.endsWith('.prisma');
}

function realFolder(p: string): string {
  const abs = path.resolve(p);
  try {
    return fs.realpathSync(abs);
  } catch {
    return abs;
  }
}
