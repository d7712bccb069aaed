/** Messages between the graph panel (extension host) and the graph webview, one union per direction. */
import type { EdgeSites } from './graph-model';
import type { WireGraphModel } from './graph-wire';

/** Extension → webview. */
export type ToGraphView =
  /** A new or updated result; the view keeps positions and selection of modules it already has. */
  | { type: 'model'; model: WireGraphModel }
  /** The module of the file in the active editor (undefined: none, or not in this workspace). */
  | { type: 'activeModule'; module: string | undefined }
  | { type: 'importSites'; requestId: number; edgeId: string; sites: EdgeSites }
  /** Nothing to draw yet (no bulkhead.json, or the first check is still running). */
  | { type: 'empty'; message: string }
  /** The ref "Changes since…" proposes (merge-base with the default branch, else HEAD~1). */
  | { type: 'sinceSuggestion'; ref: string; label: string }
  /** The ref asked for cannot be compared with: the panel shows the plain graph again. */
  | { type: 'sinceError'; ref: string; message: string };

/** Webview → extension. */
export type FromGraphView =
  | { type: 'ready' }
  | { type: 'requestImportSites'; requestId: number; from: string; to: string }
  /** `file` is workspace-relative; line and column are 1-based. */
  | { type: 'openImportSite'; file: string; line: number; column: number }
  /** `data` is SVG text or a PNG data URL. */
  | { type: 'saveExport'; format: 'svg' | 'png'; data: string }
  /** "Changes since…": mark what changed since the git `ref`; null turns it off. */
  | { type: 'showSince'; ref: string | null };

/** Longer than any ref a person types: a bound on what reaches git from the webview. */
export const MAX_REF_LENGTH = 256;

/** Runtime check for messages that arrive untyped over postMessage. */
export function isFromGraphView(value: unknown): value is FromGraphView {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return true;
    case 'requestImportSites':
      return typeof m.requestId === 'number' && typeof m.from === 'string' && typeof m.to === 'string';
    case 'openImportSite':
      return typeof m.file === 'string' && Number.isInteger(m.line) && Number.isInteger(m.column);
    case 'saveExport':
      return (m.format === 'svg' || m.format === 'png') && typeof m.data === 'string';
    case 'showSince':
      return m.ref === null || (typeof m.ref === 'string' && m.ref.length <= MAX_REF_LENGTH);
    default:
      return false;
  }
}
