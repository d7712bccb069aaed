/** The extension's settings (`contributes.configuration` in package.json), as sent to the server. */
export type SeverityOverride = 'error' | 'warning' | 'information' | 'hint' | 'off' | 'default';
/** What the editor does with violations that bulkhead-baseline.json accepts. */
export type BaselineMode = 'hint' | 'hide' | 'ignore';

export interface BulkheadSettings {
  /** Run Bulkhead at all. */
  enable: boolean;
  /** Config file per workspace folder, relative to the folder. */
  configPath: string;
  /** Editor severity per rule id (`default` keeps bulkhead.json's severity). */
  severityOverrides: Record<string, SeverityOverride>;
  /** Re-check unsaved buffers while typing, or only when files are saved. */
  run: 'onType' | 'onSave';
  /** Known (baseline) violations: hints, hidden, or shown like new ones (baseline ignored). */
  baseline: BaselineMode;
}

export const DEFAULT_SETTINGS: BulkheadSettings = {
  enable: true,
  configPath: 'bulkhead.json',
  severityOverrides: {},
  run: 'onType',
  baseline: 'hint',
};
