import * as path from 'node:path';
import { BASELINE_FILE_NAME } from './baseline';

/**
 * The baseline a workspace uses unless told otherwise: bulkhead-baseline.json next to its config.
 * The CLI (`check --baseline`, `baseline`) and the language server both locate it here, so they
 * can never disagree on which file holds the accepted violations.
 */
export function defaultBaselineFile(root: string, configFile: string): string {
  return path.join(path.dirname(path.resolve(root, configFile)), BASELINE_FILE_NAME);
}
