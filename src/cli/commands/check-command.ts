import type { CliArgs } from '../args';
import { UsageError } from '../args';
import { exitCodeOf } from '../exit-code';
import { jsonReporter } from '../reporters/json';
import type { Reporter } from '../reporters/reporter';
import { textReporter } from '../reporters/text';
import type { Terminal } from '../terminal';
import { runCheck } from './run-check';

const REPORTERS: Record<string, Reporter> = { text: textReporter, json: jsonReporter };

export function checkCommand(args: CliArgs, terminal: Terminal, cwd: string): { output: string; exitCode: number } {
  const reporter = REPORTERS[args.format ?? 'text'];
  if (!reporter) throw new UsageError(`Unknown format "${args.format}" for check. Formats: ${Object.keys(REPORTERS).join(', ')}.`);
  const result = runCheck(args, terminal, cwd);
  return { output: reporter(result, { color: terminal.color, cwd }), exitCode: exitCodeOf(result) };
}
