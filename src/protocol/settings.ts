/** The extension's settings (`contributes.configuration` in package.json), as sent to the server. */
export type SeverityOverride = 'error' | 'warning' | 'information' | 'hint' | 'off' | 'default';

export interface BulkheadSettings {
  /** Run Bulkhead at all. */
  enable: boolean;
  /** Config file per workspace folder, relative to the folder. */
  configPath: string;
  /** Editor severity per rule id (`default` keeps bulkhead.json's severity). */
  severityOverrides: Record<string, SeverityOverride>;
  /** Re-check unsaved buffers while typing, or only when files are saved. */
  run: 'onType' | 'onSave';
}

export const DEFAULT_SETTINGS: BulkheadSettings = {
  enable: true,
  configPath: 'bulkhead.json',
  severityOverrides: {},
  run: 'onType',
};
