/**
 * Custom messages between the extension (client) and the language server, on top of LSP. Each
 * constant carries its parameter and result types, so both sides stay in step at compile time.
 */
import type { CheckResult, ImportSite } from '../engine';
import type { BulkheadSettings } from './settings';

/** A request: `P` goes to the other side, `R` comes back. The types exist at compile time only. */
export interface Request<P, R> {
  readonly method: string;
  readonly _types?: [P, R];
}
/** A one-way notification carrying `P`. */
export interface Notification<P> {
  readonly method: string;
  readonly _types?: [P];
}

const request = <P, R>(method: string): Request<P, R> => ({ method });
const notification = <P>(method: string): Notification<P> => ({ method });

/** Per workspace folder with a config: what the status bar and the graph show. */
export interface FolderStatus {
  /** Absolute folder path. */
  folder: string;
  errors: number;
  warnings: number;
  files: number;
  modules: number;
  /** Config problems (errors only). */
  configErrors: number;
  durationMs: number;
  /** Set when the folder has a bulkhead-baseline.json the editor applies; errors/warnings then count new violations only. */
  baseline?: BaselineStatus;
}

export interface BaselineStatus {
  /** Absolute path of the baseline file. */
  file: string;
  /** Violations it accepts that still exist. */
  known: number;
  /** Its entries no longer found: fixed, to be removed with "Bulkhead: Update Baseline". */
  fixed: number;
  /** Why the file could not be used (then nothing is treated as known). */
  error?: string;
}

/** What "Update Baseline" / "Record Baseline" did in one folder. */
export interface BaselineUpdate {
  folder: string;
  file: string;
  /** Entries removed as fixed (update), or 0 (record). */
  removed: number;
  /** Entries the file holds now. */
  entries: number;
  /** Whether the file was written (nothing to remove, or config errors: not written). */
  written: boolean;
  /** Why nothing was done: no baseline yet, config errors, unreadable file. */
  skipped?: string;
}

export interface InitializationOptions {
  settings: BulkheadSettings;
  /**
   * A folder of the editor's own storage for this workspace (never inside it) where the server
   * keeps each folder's fact cache, so that reopening a large workspace is a warm check.
   */
  cacheFolder?: string;
}

// client → server
export const resultRequest = request<{ folder?: string; activeFile?: string }, CheckResult | null>('bulkhead/result');
export const importSitesRequest = request<{ folder: string; from: string; to: string }, ImportSite[]>('bulkhead/importSites');
export const moduleOfRequest = request<{ file: string }, { folder: string; module?: string } | null>('bulkhead/moduleOf');
/**
 * A starting module map for a folder (not written: the client writes and opens it).
 * `problems`: errors the drafted map has when loaded; the map is not written then (as `bulkhead init`).
 */
export const draftConfigRequest = request<{ folder: string }, { text: string; modules: number; notes: string[]; problems?: string[] }>('bulkhead/draftConfig');
/** Drops fixed entries from each folder's baseline (`record`: rewrites it with today's violations, as `bulkhead baseline`). */
export const updateBaselineRequest = request<{ folder?: string; record?: boolean }, BaselineUpdate[]>('bulkhead/updateBaseline');
export const recheckRequest = request<Record<string, never>, FolderStatus[]>('bulkhead/recheck');
/** The server's process id: lets the extension-host tests kill the server to test the restart. */
export const serverProcessRequest = request<Record<string, never>, { pid: number }>('bulkhead/serverProcess');
export const settingsNotification = notification<BulkheadSettings>('bulkhead/settings');

// server → client
export const statusNotification = notification<FolderStatus[]>('bulkhead/status');
export const scanStartedNotification = notification<{ folder: string }>('bulkhead/scanStarted');
export const scanFinishedNotification = notification<{ folder: string }>('bulkhead/scanFinished');
