import * as path from 'node:path';
import type { CheckResult } from '../../engine';
import type { GraphDiff } from '../../engine';

export interface ReportOptions {
  color: boolean;
  /** Folder the user ran from; file paths are printed relative to it so terminals can open them. */
  cwd: string;
  /** `--since <ref>`: what changed in the module graph (graph formats, the markdown reporter). */
  diff?: GraphDiff;
}

/** A reporter is a pure function of the result. */
export type Reporter = (result: CheckResult, options: ReportOptions) => string;

/** A workspace-relative file as the user's shell sees it: relative to `cwd`, with `/` on every OS. */
export function pathFromCwd(result: CheckResult, file: string, cwd: string): string {
  return path.relative(cwd, path.join(result.root, file)).split(path.sep).join('/');
}
