/**
 * "Bulkhead: Show Module Graph": one webview panel (reused), fed from a GraphSource. It follows the
 * active editor, passes each new model from the language server to the webview (which updates in
 * place), relays import-site requests and opens the editor at a clicked import. It builds nothing:
 * the model, the import sites and the module of a file all come from the server.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { isFromGraphView, type FromGraphView, type ToGraphView } from '../../protocol/graph-messages';
import { edgeId } from '../../protocol/graph-model';
import type { GraphSource } from '../../protocol/graph-source';
import type { GraphAnswer } from '../../protocol/messages';
import { saveExport } from './save-export';
import { graphWebviewHtml, webviewAssetsRoot } from './graph-webview-html';

export const GRAPH_VIEW_TYPE = 'bulkhead.graph';

let current: GraphPanel | undefined;

export function showGraphPanel(context: vscode.ExtensionContext, source: GraphSource): GraphPanel {
  if (current) current.reveal();
  else current = new GraphPanel(context, source, () => (current = undefined));
  return current;
}

export class GraphPanel {
  readonly panel: vscode.WebviewPanel;
  /** The workspace folder shown; undefined until the first model. */
  private folder?: string;
  private readonly disposables: vscode.Disposable[] = [];
  private refreshing = Promise.resolve();
  /**
   * The file of the last text editor that was active: focusing the graph panel itself leaves no
   * active text editor, and the graph should keep showing where the user came from.
   */
  private activeFile?: string;
  /** "Changes since…": the git ref the graph is compared with, while it is on. */
  private since?: string;
  /** The folder whose suggested ref the webview has. */
  private suggestedFor?: string;

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

  /** The latest model of `folder` (default: the active editor's folder), with the active module. */
  refresh(folder?: string): void {
    this.refreshing = this.refreshing.then(async () => {
      const answer = await this.source.graph(folder, this.activeFile);
      if (!answer) {
        this.post({ type: 'empty', message: 'No Bulkhead result yet: open a folder with a bulkhead.json, or wait for the first check.' });
        return;
      }
      this.folder = answer.folder;
      const shown = (await this.compareSince(answer.folder)) ?? answer;
      this.post({ type: 'model', model: shown.model });
      this.post({ type: 'activeModule', module: shown.activeModule });
      if (this.suggestedFor !== answer.folder) {
        this.suggestedFor = answer.folder;
        const suggested = await this.source.suggestedSinceRef(answer.folder);
        if (suggested) this.post({ type: 'sinceSuggestion', ...suggested });
      }
    }).catch((err: unknown) => {
      this.post({ type: 'empty', message: `Bulkhead could not load the graph: ${(err as Error)?.message ?? String(err)}` });
    });
  }

  /** With "Changes since…" on, the marked graph; an unknown ref turns it off and says why. */
  private async compareSince(folder: string): Promise<GraphAnswer | undefined> {
    const ref = this.since;
    if (ref === undefined) return undefined;
    const changed = await this.source.graphSince(folder, ref, this.activeFile);
    if (changed.answer) return changed.answer;
    this.since = undefined;
    this.post({ type: 'sinceError', ref, message: changed.error });
    return undefined;
  }

  /** Another folder's file shows that folder's graph; a file in no configured folder keeps the graph. */
  private followActiveEditor(): void {
    const file = this.source.activeFile();
    if (file === undefined) return;
    this.activeFile = file;
    this.refreshing = this.refreshing.then(async () => {
      if (this.activeFile !== file) return; // the user moved on before the server answered
      const owner = await this.source.ownerOf(file);
      if (owner && this.folder !== undefined && !samePath(owner.folder, this.folder)) this.refresh(owner.folder);
      else this.post({ type: 'activeModule', module: owner?.module });
    }).catch(() => undefined);
  }

  private async handle(m: FromGraphView): Promise<void> {
    switch (m.type) {
      case 'ready':
        // A new page (the panel restored) has no suggestion yet.
        this.suggestedFor = undefined;
        this.refresh(this.folder);
        return;
      case 'requestImportSites': {
        const sites = this.folder ? await this.source.edgeSites(this.folder, m.from, m.to) : { sites: [], total: 0 };
        this.post({ type: 'importSites', requestId: m.requestId, edgeId: edgeId(m.from, m.to), sites });
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
      case 'showSince':
        this.since = m.ref ?? undefined;
        this.refresh(this.folder);
        return;
    }
  }

  private post(message: ToGraphView): void {
    void this.panel.webview.postMessage(message);
  }
}

function samePath(a: string, b: string): boolean {
  return path.resolve(a) === path.resolve(b);
}
