import * as vscode from 'vscode';

/** A first scan shorter than this shows no notification at all. */
const SHOW_AFTER_MS = 1000;

interface RunningScan {
  finish: () => void;
  timer: NodeJS.Timeout;
  /** Reports how far the scan is, once the notification is shown. */
  report?: (done: number, total: number, found?: number) => void;
}

/**
 * The notification for a slow first scan, with how many files are read. Cancel stops that scan in
 * the language server, which keeps serving the other folders; the folder stays unchecked until
 * "Bulkhead: Re-check Workspace".
 */
export class ScanProgress implements vscode.Disposable {
  private readonly running = new Map<string, RunningScan>();

  constructor(private readonly onCancel: (folder: string) => void) {}

  started(folder: string): void {
    this.finished(folder);
    let finish: () => void = () => undefined;
    const done = new Promise<void>((resolve) => { finish = resolve; });
    const scan: RunningScan = { finish, timer: setTimeout(() => this.show(folder, scan, done), SHOW_AFTER_MS) };
    this.running.set(folder, scan);
  }

  progress(folder: string, done: number, total: number, found?: number): void {
    this.running.get(folder)?.report?.(done, total, found);
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

  private show(folder: string, scan: RunningScan, done: Promise<void>): void {
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Bulkhead: scanning ${folderLabel(folder)}`, cancellable: true },
      (progress, token) => {
        let reported = 0;
        scan.report = (read, total, found) => {
          if (total === 0 && found !== undefined) return progress.report({ message: `finding files: ${found.toLocaleString('en-US')} so far` });
          const percent = total > 0 ? Math.floor((100 * read) / total) : 0;
          progress.report({ message: `${read.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} files`, increment: percent - reported });
          reported = percent;
        };
        token.onCancellationRequested(() => this.onCancel(folder));
        return done;
      },
    );
  }
}

/** A workspace folder by its name, as the Explorer shows it (`asRelativePath` gives a root's absolute path). */
function folderLabel(folder: string): string {
  const workspaceFolder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(folder));
  return workspaceFolder && workspaceFolder.uri.fsPath === folder ? workspaceFolder.name : vscode.workspace.asRelativePath(folder, true);
}
