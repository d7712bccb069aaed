/**
 * The seam between the extension's engine host (the language-server client) and the module graph
 * view. The graph panel reads through this interface only, so it never talks to the server or the
 * engine directly; everything it gets is already what the webview draws. Paths: `folder` is the
 * absolute path of a workspace folder that has a bulkhead.json; `from`/`to` are module names;
 * files are absolute.
 */
import type { EdgeSites } from './graph-model';
import type { FileOwner, GraphAnswer, GraphSinceAnswer, SuggestedSinceRef } from './messages';

export interface GraphSource {
  /** The graph of `folder` (default: the folder of `activeFile`, else the first with a result). */
  graph(folder: string | undefined, activeFile: string | undefined): Promise<GraphAnswer | undefined>;
  /** The graph of `folder` marked with what changed since the git `ref` (or why it cannot be). */
  graphSince(folder: string, ref: string, activeFile: string | undefined): Promise<GraphSinceAnswer>;
  /** The ref "Changes since…" proposes for `folder`; undefined outside git or on a first commit. */
  suggestedSinceRef(folder: string): Promise<SuggestedSinceRef | undefined>;
  /** The import sites behind the module dependency `from` → `to` in `folder`. */
  edgeSites(folder: string, from: string, to: string): Promise<EdgeSites>;
  /** The folder and module owning `file`, per the engine's map; undefined outside every folder with a config. */
  ownerOf(file: string): Promise<FileOwner | undefined>;
  /** Fires with the folder whose result changed (after every re-check). */
  onDidChange(listener: (folder: string) => void): { dispose(): void };
  /** Absolute path of the file in the active editor, if any. */
  activeFile(): string | undefined;
}
