import type { CheckResult } from '../../engine';

export interface ReportOptions {
  color: boolean;
  /** Folder the user ran from; file paths are printed relative to it so terminals can open them. */
  cwd: string;
}

/** A reporter is a pure function of the result. */
export type Reporter = (result: CheckResult, options: ReportOptions) => string;
