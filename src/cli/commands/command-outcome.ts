import type { CheckResult } from '../../engine';
import { EXIT_USAGE, hasConfigErrors } from '../exit-code';
import { textReporter } from '../reporters/text';
import type { Terminal } from '../terminal';

/** What a command hands back to `main`: stdout, optional stderr, and the exit code. */
export interface CommandOutcome {
  output: string;
  exitCode: number;
  errorOutput?: string;
}

/** For commands that need a usable map: the config errors on stderr and exit 2, or undefined. */
export function configErrorOutcome(result: CheckResult, terminal: Terminal, cwd: string): CommandOutcome | undefined {
  if (!hasConfigErrors(result)) return undefined;
  return { output: '', errorOutput: textReporter({ ...result, violations: [] }, { color: terminal.color, cwd }), exitCode: EXIT_USAGE };
}
