/**
 * The seam between the extension's engine host (the language-server client) and the module graph
 * view. The graph panel reads results through this interface only, so it never talks to the
 * server or the engine directly. Paths: `folder` is the absolute path of a workspace folder that
 * has a bulkhead.json; `from`/`to` are module names; `activeFile()` is an absolute path.
 */
import type { CheckResult, ImportSite } from '../engine';

export interface GraphSource {
  /** The last check result of `folder` (default: the folder of the active editor, else the first). */
  result(folder?: string): Promise<CheckResult | undefined>;
  /** The import sites behind the module dependency `from` → `to` in `folder`. */
  importSites(folder: string, from: string, to: string): Promise<ImportSite[]>;
  /** Fires with the folder whose result changed (after every re-check). */
  onDidChange(listener: (folder: string) => void): { dispose(): void };
  /** Absolute path of the file in the active editor, if any. */
  activeFile(): string | undefined;
}
