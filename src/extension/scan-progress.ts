import * as vscode from 'vscode';

/** A first scan shorter than this shows no notification at all. */
const SHOW_AFTER_MS = 1000;

/**
 * The notification for a slow first scan. Cancelling stops the language server (the scan is one
 * synchronous pass in its process), until "Bulkhead: Re-check Workspace" starts it again.
 */
export class ScanProgress implements vscode.Disposable {
  private readonly running = new Map<string, { finish: () => void; timer: NodeJS.Timeout }>();

  constructor(private readonly onCancel: () => void) {}

  started(folder: string): void {
    this.finished(folder);
    let finish: () => void = () => undefined;
    const done = new Promise<void>((resolve) => { finish = resolve; });
    const timer = setTimeout(() => {
      void vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Bulkhead: scanning ${vscode.workspace.asRelativePath(folder, true)}`, cancellable: true },
        (_progress, token) => {
          token.onCancellationRequested(() => this.onCancel());
          return done;
        },
      );
    }, SHOW_AFTER_MS);
    this.running.set(folder, { finish, timer });
  }

  finished(folder: string): void {
    const run = this.running.get(folder);
    if (!run) return;
    clearTimeout(run.timer);
    run.finish();
    this.running.delete(folder);
  }

  dispose(): void {
    for (const folder of [...this.running.keys()]) this.finished(folder);
  }
}
