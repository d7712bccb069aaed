import { VERSION } from '../engine';
import { HELP, parseCliArgs, UsageError } from './args';
import { checkCommand } from './commands/check-command';
import { graphCommand } from './commands/graph-command';
import { baselineCommand } from './commands/baseline-command';
import { initCommand } from './commands/init-command';
import { explainCommand } from './commands/explain-command';
import { EXIT_USAGE } from './exit-code';
import { detectTerminal } from './terminal';

/** Entry point of the `bulkhead` binary. Never throws: every failure becomes a message and exit code 2. */
export function main(argv: string[]): number {
  try {
    const args = parseCliArgs(argv);
    if (args.command === 'help') {
      process.stdout.write(HELP);
      return 0;
    }
    if (args.command === 'version') {
      process.stdout.write(`${VERSION}\n`);
      return 0;
    }
    const terminal = detectTerminal({ noColor: args.noColor }, process.env, !!process.stdout.isTTY, !!process.stderr.isTTY);
    const commands = { check: checkCommand, graph: graphCommand, baseline: baselineCommand, init: initCommand, explain: explainCommand };
    const run = commands[args.command];
    const { output, exitCode, errorOutput } = run(args, terminal, process.cwd()) as { output: string; exitCode: number; errorOutput?: string };
    if (errorOutput) process.stderr.write(errorOutput);
    process.stdout.write(output);
    return exitCode;
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`bulkhead: ${err.message}\nRun "bulkhead --help" for usage.\n`);
    } else {
      process.stderr.write(`bulkhead: internal error: ${(err as Error)?.message ?? String(err)}\nPlease report this with the command you ran.${process.env.BULKHEAD_DEBUG ? `\n${(err as Error)?.stack}` : ' (Set BULKHEAD_DEBUG=1 for details.)'}\n`);
    }
    return EXIT_USAGE;
  }
}
