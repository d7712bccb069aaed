import * as path from 'node:path';
import { baselineOf, writeBaseline } from '../../engine';
import type { CliArgs } from '../args';
import { baselineFileFor } from '../baseline-file';
import { EXIT_OK } from '../exit-code';
import type { Terminal } from '../terminal';
import { configErrorOutcome, type CommandOutcome } from './command-outcome';
import { runCheck } from './run-check';

/** Writes today's violations as the accepted baseline (atomically), so CI fails only on new ones. */
export function baselineCommand(args: CliArgs, terminal: Terminal, cwd: string): CommandOutcome {
  const { result } = runCheck(args, terminal, cwd);
  const broken = configErrorOutcome(result, terminal, cwd);
  if (broken) return broken;
  const file = baselineFileFor(args, result, cwd);
  writeBaseline(file, baselineOf(result.violations));
  const shown = path.relative(cwd, file) || file;
  return { output: `Wrote ${result.violations.length} violation${result.violations.length === 1 ? '' : 's'} to ${shown}. Commit it; "bulkhead check --baseline" now fails only on new violations.\n`, exitCode: EXIT_OK };
}
