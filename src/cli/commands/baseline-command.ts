import * as path from 'node:path';
import { BASELINE_FILE_NAME, baselineOf, writeBaseline } from '../../engine';
import type { CliArgs } from '../args';
import { EXIT_OK, EXIT_USAGE } from '../exit-code';
import { textReporter } from '../reporters/text';
import type { Terminal } from '../terminal';
import { runCheck } from './run-check';

/** Writes today's violations as the accepted baseline (atomically), so CI fails only on new ones. */
export function baselineCommand(args: CliArgs, terminal: Terminal, cwd: string): { output: string; exitCode: number; errorOutput?: string } {
  const { result } = runCheck(args, terminal, cwd);
  if (result.diagnostics.some((d) => d.severity === 'error')) {
    return { output: '', errorOutput: textReporter({ ...result, violations: [] }, { color: terminal.color, cwd }), exitCode: EXIT_USAGE };
  }
  const file = typeof args.baseline === 'string' ? path.resolve(cwd, args.baseline) : path.join(path.dirname(path.resolve(result.root, result.config)), BASELINE_FILE_NAME);
  writeBaseline(file, baselineOf(result.violations));
  const shown = path.relative(cwd, file) || file;
  return { output: `Wrote ${result.violations.length} violation${result.violations.length === 1 ? '' : 's'} to ${shown}. Commit it; "bulkhead check --baseline" now fails only on new violations.\n`, exitCode: EXIT_OK };
}
