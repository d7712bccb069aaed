import * as vscode from 'vscode';
import type { LanguageClient, NotificationType, RequestType } from 'vscode-languageclient/node';
import type { GraphSource } from '../protocol/graph-source';
import {
  cancelScanNotification, moduleOfRequest, recheckRequest, scanFinishedNotification, scanProgressNotification, scanStartedNotification, settingsNotification,
  statusNotification, type FolderStatus,
} from '../protocol/messages';
import { BulkheadConfig } from './config';
import { createGraphSource } from './graph-source-client';
import { createLanguageClient } from './language-client';
import { RestartOnCrash } from './restart-on-crash';
import { ScanProgress } from './scan-progress';
import { StatusBar } from './status-bar';

/**
 * Everything the extension runs, owned in one place: output channel, settings, status bar, the
 * language client. Disposing the context disposes all of it; a restart replaces only the client.
 */
export class BulkheadContext implements vscode.Disposable {
  readonly output = vscode.window.createOutputChannel('Bulkhead');
  readonly config = new BulkheadConfig();
  readonly statusBar = new StatusBar();
  readonly graphSource: GraphSource;
  private readonly disposables: vscode.Disposable[] = [this.output, this.config, this.statusBar];
  private readonly resultChanged = new vscode.EventEmitter<string>();
  private readonly progress = new ScanProgress((folder) => this.notify(cancelScanNotification, { folder }));
  private client?: LanguageClient;
  private clientDisposables: vscode.Disposable[] = [];
  private folders: FolderStatus[] = [];

  constructor(readonly extension: vscode.ExtensionContext) {
    this.graphSource = createGraphSource(this);
    this.disposables.push(
      this.resultChanged,
      this.progress,
      this.config.onDidChange((settings) => {
        if (settings.enable && !this.client) void this.start();
        else this.notify(settingsNotification, settings);
      }),
      vscode.window.onDidChangeActiveTextEditor(() => void this.refreshModule()),
    );
  }

  /** Fires with a folder whose check result changed. */
  get onDidChangeResult(): vscode.Event<string> {
    return this.resultChanged.event;
  }

  get status(): readonly FolderStatus[] {
    return this.folders;
  }

  get running(): boolean {
    return this.client?.isRunning() ?? false;
  }

  async start(): Promise<void> {
    if (this.client) return;
    const onCrash = new RestartOnCrash({
      restarting: () => {
        this.progress.dispose(); // the scan it showed died with the process
        this.statusBar.setRestarting();
      },
      // the client stops itself: only forget it, so that Re-check starts a new one
      gaveUp: () => { if (this.client === client) this.forgetClient(); },
    });
    const client = createLanguageClient(this.extension, this.output, this.config.settings, onCrash);
    this.client = client;
    this.clientDisposables = [
      client.onNotification(statusNotification, (folders) => {
        const changed = folders.filter((f) => JSON.stringify(f) !== JSON.stringify(this.folders.find((o) => o.folder === f.folder)));
        this.folders = folders;
        this.statusBar.setStatus(folders);
        void this.refreshModule();
        for (const f of changed) this.resultChanged.fire(f.folder);
      }),
      client.onNotification(scanStartedNotification, ({ folder }) => this.progress.started(folder)),
      client.onNotification(scanProgressNotification, ({ folder, done, total, found }) => this.progress.progress(folder, done, total, found)),
      client.onNotification(scanFinishedNotification, ({ folder, cancelled }) => {
        this.progress.finished(folder);
        if (cancelled) this.statusBar.setCancelled(folder);
      }),
    ];
    await client.start();
  }

  /** Stops the language server (and so any scan); diagnostics are cleared until the next start. */
  async stop(): Promise<void> {
    const client = this.client;
    this.forgetClient();
    if (client) await client.dispose().catch((e: unknown) => this.output.appendLine(`stopping the server: ${String(e)}`));
  }

  /** Full check of every folder; starts the server first if it was stopped. */
  async recheck(): Promise<FolderStatus[]> {
    if (!this.client) await this.start();
    const status = await this.send(recheckRequest, {});
    return status ?? [];
  }

  /**
   * A custom request declared in src/protocol/messages.ts; undefined while the server is not
   * running. Sent by method name: the client checks a type's parameter structure by identity with
   * its own copy of vscode-jsonrpc, and the extension-host tests pass types from another copy.
   */
  async send<P, R>(request: RequestType<P, R, void>, params: P): Promise<R | undefined> {
    if (!this.client?.isRunning()) return undefined;
    return this.client.sendRequest<R>(request.method, params);
  }

  notify<P>(notification: NotificationType<P>, params: P): void {
    void this.client?.sendNotification(notification.method, params);
  }

  private forgetClient(): void {
    this.client = undefined;
    this.clientDisposables.forEach((d) => d.dispose());
    this.clientDisposables = [];
    this.progress.dispose();
    this.statusBar.setStopped();
  }

  private async refreshModule(): Promise<void> {
    const doc = vscode.window.activeTextEditor?.document;
    // a server that dies with the request pending rejects it; the restarted one sends a new status
    const found = doc?.uri.scheme === 'file' ? await this.send(moduleOfRequest, { file: doc.uri.fsPath }).catch(() => undefined) : undefined;
    this.statusBar.setModule(found?.module);
  }

  /** Called by deactivate() and by the extension's subscriptions; only the first call counts. */
  async dispose(): Promise<void> {
    const disposables = this.disposables.splice(0);
    if (disposables.length === 0) return;
    await this.stop();
    disposables.forEach((d) => d.dispose());
  }
}
