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
/** A starting module map for a folder (not written: the client writes and opens it). */
/** `problems`: errors the drafted map has when loaded; the map is not written then (as `bulkhead init`). */
export const draftConfigRequest = request<{ folder: string }, { text: string; modules: number; notes: string[]; problems?: string[] }>('bulkhead/draftConfig');
export const recheckRequest = request<Record<string, never>, FolderStatus[]>('bulkhead/recheck');
/** The server's process id: lets the extension-host tests kill the server to test the restart. */
export const serverProcessRequest = request<Record<string, never>, { pid: number }>('bulkhead/serverProcess');
export const settingsNotification = notification<BulkheadSettings>('bulkhead/settings');

// server → client
export const statusNotification = notification<FolderStatus[]>('bulkhead/status');
export const scanStartedNotification = notification<{ folder: string }>('bulkhead/scanStarted');
export const scanFinishedNotification = notification<{ folder: string }>('bulkhead/scanFinished');
