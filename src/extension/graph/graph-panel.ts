/**
 * "Bulkhead: Show Module Graph": one webview panel (reused), fed from a GraphSource. It follows the
 * active editor, pushes each new result as a model (the webview updates in place), answers
 * import-site requests and opens the editor at a clicked import.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { moduleOfFile } from '../../protocol/graph-active-module';
import { toEdgeSites } from '../../protocol/graph-import-sites';
import { isFromGraphView, type FromGraphView, type ToGraphView } from '../../protocol/graph-messages';
import type { GraphSource } from '../../protocol/graph-source';
import { toGraphModel } from '../../protocol/graph-to-model';
import { saveExport } from './save-export';
import { graphWebviewHtml, webviewAssetsRoot } from './graph-webview-html';

export const GRAPH_VIEW_TYPE = 'bulkhead.graph';

/** The engine's CheckResult, named through the protocol (the extension does not import the engine). */
type CheckResult = NonNullable<Awaited<ReturnType<GraphSource['result']>>>;

let current: GraphPanel | undefined;

export function showGraphPanel(context: vscode.ExtensionContext, source: GraphSource): GraphPanel {
  if (current) current.reveal();
  else current = new GraphPanel(context, source, () => (current = undefined));
  return current;
}

export class GraphPanel {
  readonly panel: vscode.WebviewPanel;
  private result?: CheckResult;
  /** The workspace folder shown; undefined until the first result. */
  private folder?: string;
  private readonly disposables: vscode.Disposable[] = [];
  private refreshing = Promise.resolve();
  /**
   * The file of the last text editor that was active: focusing the graph panel itself leaves no
   * active text editor, and the graph should keep showing where the user came from.
   */
  private activeFile?: string;

  constructor(context: vscode.ExtensionContext, private readonly source: GraphSource, onDispose: () => void) {
    const assets = webviewAssetsRoot(context);
    this.activeFile = source.activeFile();
    this.panel = vscode.window.createWebviewPanel(GRAPH_VIEW_TYPE, 'Bulkhead: Module Graph', vscode.ViewColumn.Beside, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [assets],
    });
    this.panel.webview.html = graphWebviewHtml(this.panel.webview, assets);
    this.disposables.push(
      this.panel.webview.onDidReceiveMessage((m: unknown) => {
        if (isFromGraphView(m)) void this.handle(m);
      }),
      source.onDidChange((folder) => {
        if (this.folder === undefined || samePath(folder, this.folder)) this.refresh(this.folder);
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.followActiveEditor()),
    );
    this.panel.onDidDispose(() => {
      this.disposables.forEach((d) => d.dispose());
      onDispose();
    });
    context.subscriptions.push(this.panel);
  }

  reveal(): void {
    this.panel.reveal(undefined, true);
  }

  /** Latest result of `folder` (default: the active editor's folder), sent as a new model. */
  refresh(folder?: string): void {
    this.refreshing = this.refreshing.then(async () => {
      const result = await this.source.result(folder);
      if (!result) {
        this.post({ type: 'empty', message: 'No Bulkhead result yet: open a folder with a bulkhead.json, or wait for the first check.' });
        return;
      }
      this.result = result;
      this.folder = folder ?? result.root;
      this.post({ type: 'model', model: toGraphModel(result, { title: path.basename(this.folder) }) });
      this.post({ type: 'activeModule', module: this.activeModule() });
    }).catch((err: unknown) => {
      this.post({ type: 'empty', message: `Bulkhead could not load the graph: ${(err as Error)?.message ?? String(err)}` });
    });
  }

  private followActiveEditor(): void {
    const file = this.source.activeFile();
    if (file === undefined) return;
    this.activeFile = file;
    if (this.result && isOutside(this.result.root, file) && (this.folder === undefined || isOutside(this.folder, file))) {
      this.refresh(undefined);
      return;
    }
    this.post({ type: 'activeModule', module: this.activeModule() });
  }

  private activeModule(): string | undefined {
    const file = this.activeFile;
    if (!file || !this.result) return undefined;
    for (const root of [this.result.root, this.folder]) {
      if (root !== undefined && !isOutside(root, file)) return moduleOfFile(this.result.modules, path.relative(root, file).split(path.sep).join('/'));
    }
    return undefined;
  }

  private async handle(m: FromGraphView): Promise<void> {
    switch (m.type) {
      case 'ready':
        this.refresh(this.folder);
        return;
      case 'requestImportSites': {
        const folder = this.folder;
        const sites = folder && this.result ? toEdgeSites(await this.source.importSites(folder, m.from, m.to), this.result.violations, m.from, m.to) : { sites: [], total: 0 };
        this.post({ type: 'importSites', requestId: m.requestId, edgeId: `${m.from}\u0000${m.to}`, sites });
        return;
      }
      case 'openImportSite': {
        if (!this.folder || path.isAbsolute(m.file) || m.file.split(/[\\/]/).includes('..')) return;
        const position = new vscode.Position(Math.max(0, m.line - 1), Math.max(0, m.column - 1));
        await vscode.window.showTextDocument(vscode.Uri.file(path.join(this.folder, m.file)), {
          viewColumn: vscode.ViewColumn.One,
          selection: new vscode.Range(position, position),
          preview: false,
        });
        return;
      }
      case 'saveExport':
        await saveExport(m.format, m.data, this.folder);
        return;
    }
  }

  private post(message: ToGraphView): void {
    void this.panel.webview.postMessage(message);
  }
}

function isOutside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' ? false : rel.startsWith('..') || path.isAbsolute(rel);
}

function samePath(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}
