/** Where the app gets its data and sends user actions: the VS Code panel, or the static HTML export. */
import type { EdgeSites, GraphImportSite, GraphModel } from '../../protocol/graph-model';

export interface GraphHost {
  /** Whether clicking an import site opens an editor (else the app shows the path). */
  readonly canOpenFiles: boolean;
  /** Called with every model (the first and each update) and with the active editor's module. */
  start(listeners: HostListeners): void;
  importSites(from: string, to: string): Promise<EdgeSites>;
  openSite(site: GraphImportSite): void;
  /** `data` is SVG text or a PNG data URL. */
  save(format: 'svg' | 'png', data: string, fileName: string): void;
  /** The view the user last chose here (the panel's state, the page's #matrix), to open on it again. */
  savedView?(): ViewKind | undefined;
  rememberView?(view: ViewKind): void;
  /** "Changes since…" (the panel only: an export shows the diff it was made with): `undefined` turns it off. */
  showSince?(ref: string | undefined): void;
}

export interface HostListeners {
  model(model: GraphModel): void;
  activeModule(module: string | undefined): void;
  empty(message: string): void;
  sinceSuggestion?(ref: string, label: string): void;
  sinceError?(ref: string, message: string): void;
}

export type ViewKind = 'graph' | 'matrix' | 'layers';
