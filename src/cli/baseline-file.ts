import * as path from 'node:path';
import { defaultBaselineFile, type CheckResult } from '../engine';
import type { CliArgs } from './args';

/** `--baseline-file`, else bulkhead-baseline.json next to the config that was used. */
export function baselineFileFor(args: CliArgs, result: CheckResult, cwd: string): string {
  return typeof args.baseline === 'string' ? path.resolve(cwd, args.baseline) : defaultBaselineFile(result.root, result.config);
}
