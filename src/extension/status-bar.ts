import * as vscode from 'vscode';
import type { FolderStatus } from '../protocol/messages';

export const STATUS_BAR_COMMAND = 'bulkhead.statusBarClicked';

/** "$(layers) orders · 3 violations": the active file's module and the workspace's count. */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('bulkhead.status', vscode.StatusBarAlignment.Left, 10);
  private folders: FolderStatus[] = [];
  private module: string | undefined;
  private state: 'starting' | 'ready' | 'restarting' | 'stopped' = 'starting';
  /** Folders whose first scan the user cancelled, until a check gives them a result. */
  private readonly cancelled = new Set<string>();
  private readonly changed = new vscode.EventEmitter<string>();

  constructor() {
    this.item.name = 'Bulkhead';
    this.item.command = STATUS_BAR_COMMAND;
    this.render();
    this.item.show();
  }

  setStatus(folders: FolderStatus[]): void {
    this.folders = folders;
    for (const f of folders) this.cancelled.delete(f.folder);
    this.state = 'ready';
    this.render();
  }

  /** The first scan of this folder was cancelled: it stays unchecked until a re-check. */
  setCancelled(folder: string): void {
    this.cancelled.add(folder);
    if (this.state === 'starting') this.state = 'ready';
    this.render();
  }

  setModule(module: string | undefined): void {
    this.module = module;
    this.render();
  }

  setStopped(): void {
    this.state = 'stopped';
    this.render();
  }

  /** The server crashed and is being started again; the next status makes it ready. */
  setRestarting(): void {
    this.state = 'restarting';
    this.render();
  }

  /** Fires with the new text whenever it changes (transient states included, for tests). */
  get onDidChangeText(): vscode.Event<string> {
    return this.changed.event;
  }

  /** What the item says, for tests and the tooltip. */
  get text(): string {
    return this.item.text;
  }

  private render(): void {
    const before = this.item.text;
    const violations = this.folders.reduce((n, f) => n + f.errors + f.warnings, 0);
    const configErrors = this.folders.reduce((n, f) => n + f.configErrors, 0);
    const fixed = this.folders.reduce((n, f) => n + (f.baseline?.fixed ?? 0), 0);
    const where = this.module ? `${this.module} · ` : '';
    if (this.state === 'stopped') {
      this.item.text = '$(debug-pause) Bulkhead: stopped';
      this.item.tooltip = 'Bulkhead is stopped. Run "Bulkhead: Re-check Workspace" to start it again.';
    } else if (this.state === 'restarting') {
      this.item.text = '$(sync~spin) Bulkhead: restarting';
      this.item.tooltip = 'The Bulkhead language server stopped unexpectedly and is starting again. See "Bulkhead: Show Output".';
    } else if (this.cancelled.size > 0 && this.folders.length === 0) {
      this.item.text = '$(circle-slash) Bulkhead: scan cancelled';
      this.item.tooltip = `The first scan of ${[...this.cancelled].join(', ')} was cancelled: nothing is checked there. Run "Bulkhead: Re-check Workspace" to scan again.`;
    } else if (this.state === 'starting') {
      this.item.text = '$(sync~spin) Bulkhead';
      this.item.tooltip = 'Bulkhead: first scan';
    } else {
      const count = configErrors > 0 ? `$(warning) config errors: ${configErrors}` : `${violations} violation${violations === 1 ? '' : 's'}`;
      this.item.text = `$(layers) ${where}${count}${fixed > 0 && configErrors === 0 ? ` · ${fixed} fixed` : ''}`;
      this.item.tooltip = new vscode.MarkdownString([
        this.module ? `Module of this file: **${this.module}**` : 'This file belongs to no module',
        ...this.folders.map((f) => `${f.folder}: ${f.errors} errors, ${f.warnings} warnings in ${f.files} files, ${f.modules} modules (${f.durationMs} ms)${baselineLine(f)}`),
        ...[...this.cancelled].map((folder) => `${folder}: first scan cancelled, not checked (run "Bulkhead: Re-check Workspace")`),
        'Click for the Problems view or the module graph.',
      ].join('\n\n'));
    }
    this.item.backgroundColor = configErrors > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    if (this.item.text !== before) this.changed.fire(this.item.text);
  }

  dispose(): void {
    this.item.dispose();
    this.changed.dispose();
  }
}

/** "812 known (baseline), 3 fixed — update baseline", after the folder's counts. */
function baselineLine(f: FolderStatus): string {
  const b = f.baseline;
  if (!b) return '';
  if (b.error) return `; baseline not used: ${b.error}`;
  return `; ${b.known} known (baseline)${b.fixed > 0 ? `, ${b.fixed} fixed — run "Bulkhead: Update Baseline"` : ''}`;
}
