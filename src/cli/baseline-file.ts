import * as path from 'node:path';
import { BASELINE_FILE_NAME, type CheckResult } from '../engine';
import type { CliArgs } from './args';

/** `--baseline-file`, else bulkhead-baseline.json next to the config that was used. */
export function baselineFileFor(args: CliArgs, result: CheckResult, cwd: string): string {
  return typeof args.baseline === 'string'
    ? path.resolve(cwd, args.baseline)
    : path.join(path.dirname(path.resolve(result.root, result.config)), BASELINE_FILE_NAME);
}
