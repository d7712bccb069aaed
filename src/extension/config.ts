import * as vscode from 'vscode';
import { DEFAULT_SETTINGS, type BaselineMode, type BulkheadSettings, type SeverityOverride } from '../protocol/settings';

/** The `bulkhead.*` settings, read in one place, with a change event. */
export class BulkheadConfig implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<BulkheadSettings>();
  readonly onDidChange = this.changed.event;
  private readonly listener: vscode.Disposable;

  constructor() {
    this.listener = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('bulkhead')) this.changed.fire(this.settings);
    });
  }

  get settings(): BulkheadSettings {
    const c = vscode.workspace.getConfiguration('bulkhead');
    return {
      enable: c.get<boolean>('enable', DEFAULT_SETTINGS.enable),
      configPath: c.get<string>('configPath', DEFAULT_SETTINGS.configPath) || DEFAULT_SETTINGS.configPath,
      severityOverrides: c.get<Record<string, SeverityOverride>>('severityOverrides', {}),
      run: c.get<'onType' | 'onSave'>('run', DEFAULT_SETTINGS.run),
      baseline: c.get<BaselineMode>('baseline', DEFAULT_SETTINGS.baseline),
    };
  }

  dispose(): void {
    this.listener.dispose();
    this.changed.dispose();
  }
}
