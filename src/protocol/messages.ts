/**
 * Custom messages between the extension (client) and the language server, on top of LSP. Each is
 * declared here once as a `RequestType`/`NotificationType` and passed by value to both
 * `client.sendRequest`/`onNotification` and `connection.onRequest`/`sendNotification`, so a payload
 * change is a compile error on both sides. `vscode-languageserver-protocol` is the package both
 * `vscode-languageclient` and `vscode-languageserver` re-export: it pulls neither `vscode` into the
 * server nor the server into the extension.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { EdgeSites } from './graph-model';
import type { WireGraphModel } from './graph-wire';
import type { BulkheadSettings } from './settings';

/** Per workspace folder with a config: what the status bar shows. */
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

/** Where a file is: its workspace folder (absolute) and the module owning it, per the engine's map. */
export interface FileOwner {
  folder: string;
  module?: string;
}

/** The graph of one folder, built by the server from its last result. */
export interface GraphAnswer {
  /** Absolute path of the workspace folder drawn. */
  folder: string;
  /** Packed for the wire (graph-wire.ts): the panel's page unpacks it. */
  model: WireGraphModel;
  /** The module of the `activeFile` asked about, when it is in this folder. */
  activeModule?: string;
}

/** `folder` (absolute) wins; else the folder of `activeFile`; else the first folder with a result. */
export interface GraphParams {
  folder?: string;
  activeFile?: string;
}

/** "Changes since…" in the graph panel: `folder` is the one the panel shows; `ref` any git ref. */
export interface GraphSinceParams {
  folder: string;
  ref: string;
  activeFile?: string;
}

/** The graph marked with what changed since the ref (`model.since` set), or why there is none. */
export type GraphSinceAnswer = { answer: GraphAnswer; error?: undefined } | { answer?: undefined; error: string };

/** What "Changes since…" proposes: a ref git accepts, and what it is ("merge-base with origin/main"). */
export interface SuggestedSinceRef {
  ref: string;
  label: string;
}

// client → server
/** The module graph of a folder; null while no folder has a result. */
export const graphRequest = new RequestType<GraphParams, GraphAnswer | null, void>('bulkhead/graph');
/** The import sites behind the module dependency `from` → `to`, each with the rules it breaks. */
export const edgeSitesRequest = new RequestType<{ folder: string; from: string; to: string }, EdgeSites, void>('bulkhead/edgeSites');
/**
 * The module graph of a folder with the dependencies and violations added and removed since a git
 * ref, as `bulkhead graph --since`. The first request for a commit checks the tree at it (a cold
 * check's time); later ones, after each re-check, reuse that result.
 */
export const graphSinceRequest = new RequestType<GraphSinceParams, GraphSinceAnswer, void>('bulkhead/graphSince');
/** The ref "Changes since…" starts with: the merge-base with the default branch, else HEAD~1; null outside git. */
export const suggestedSinceRefRequest = new RequestType<{ folder: string }, SuggestedSinceRef | null, void>('bulkhead/suggestedSinceRef');
/** Which folder and module own an absolute file path (status bar, graph); null: no folder with a config. */
export const moduleOfRequest = new RequestType<{ file: string }, FileOwner | null, void>('bulkhead/moduleOf');
/**
 * A starting module map for a folder (not written: the client writes and opens it).
 * `problems`: errors the drafted map has when loaded; the map is not written then (as `bulkhead init`).
 */
export const draftConfigRequest = new RequestType<{ folder: string }, { text: string; modules: number; notes: string[]; problems?: string[] }, void>('bulkhead/draftConfig');
/** Drops fixed entries from each folder's baseline (`record`: rewrites it with today's violations, as `bulkhead baseline`). */
export const updateBaselineRequest = new RequestType<{ folder?: string; record?: boolean }, BaselineUpdate[], void>('bulkhead/updateBaseline');
export const recheckRequest = new RequestType<Record<string, never>, FolderStatus[], void>('bulkhead/recheck');
/** The server's process id: lets the extension-host tests kill the server to test the restart. */
export const serverProcessRequest = new RequestType<Record<string, never>, { pid: number }, void>('bulkhead/serverProcess');
export const settingsNotification = new NotificationType<BulkheadSettings>('bulkhead/settings');
/** Cancel on a first scan's progress: the scan stops, the server keeps serving. */
export const cancelScanNotification = new NotificationType<{ folder: string }>('bulkhead/cancelScan');

// server → client
/** After every check: per-folder counts only (the graph asks for its model when it is open). */
export const statusNotification = new NotificationType<FolderStatus[]>('bulkhead/status');
export const scanStartedNotification = new NotificationType<{ folder: string }>('bulkhead/scanStarted');
/** How far a first scan is (sent at most every 200 ms while it runs); before reading, `found` files so far. */
export const scanProgressNotification = new NotificationType<{ folder: string; done: number; total: number; found?: number }>('bulkhead/scanProgress');
/** `cancelled`: the client's Cancel stopped it; the folder stays unchecked until a re-check. */
export const scanFinishedNotification = new NotificationType<{ folder: string; cancelled?: boolean }>('bulkhead/scanFinished');
