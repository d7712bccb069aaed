import * as path from 'node:path';
import { VERSION } from '../engine/version';
import { HELP, parseCliArgs, UsageError, type CliArgs } from './args';
import { printable } from './escape/terminal-text';
import { EXIT_USAGE } from './exit-code';
import type { Terminal } from './terminal';
import type { CommandOutcome } from './commands/command-outcome';
import { detectTerminal } from './terminal';

/** Entry point of the `bulkhead` binary. Never throws: every failure becomes a message and exit code 2. */
export function main(argv: string[]): number {
  try {
    if (argv[0] === 'lsp') return startLanguageServer(argv.slice(1));
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
    const run = loadCommand(args.command);
    const { output, exitCode, errorOutput } = run(args, terminal, process.cwd());
    if (errorOutput) process.stderr.write(errorOutput);
    process.stdout.write(output);
    return exitCode;
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`bulkhead: ${printable(err.message)}\nRun "bulkhead --help" for usage.\n`);
    } else {
      process.stderr.write(`bulkhead: internal error: ${printable((err as Error)?.message ?? String(err))}\nPlease report this with the command you ran.${process.env.BULKHEAD_DEBUG ? `\n${(err as Error)?.stack}` : ' (Set BULKHEAD_DEBUG=1 for details.)'}\n`);
    }
    return EXIT_USAGE;
  }
}

type CommandRunner = (args: CliArgs, terminal: Terminal, cwd: string) => CommandOutcome;

/**
 * Commands are required on demand so that --help, --version and usage errors answer without
 * loading the engine and its TypeScript (most of the start-up time).
 */
function loadCommand(command: 'check' | 'graph' | 'baseline' | 'init' | 'explain'): CommandRunner {
  switch (command) {
    case 'check':
      return (require('./commands/check-command') as typeof import('./commands/check-command')).checkCommand;
    case 'graph':
      return (require('./commands/graph-command') as typeof import('./commands/graph-command')).graphCommand;
    case 'baseline':
      return (require('./commands/baseline-command') as typeof import('./commands/baseline-command')).baselineCommand;
    case 'init':
      return (require('./commands/init-command') as typeof import('./commands/init-command')).initCommand;
    case 'explain':
      return (require('./commands/explain-command') as typeof import('./commands/explain-command')).explainCommand;
  }
}

/**
 * `bulkhead lsp --stdio`: the language server the VS Code extension runs, for any LSP client
 * (Neovim, Helix, Zed, Sublime LSP, Emacs eglot, JetBrains LSP4IJ). It lives next to this file
 * in the package (dist/server.js) and reads its transport from the process arguments.
 */
function startLanguageServer(args: string[]): number {
  const unknown = args.filter((a) => a !== '--stdio');
  if (unknown.length > 0) throw new UsageError(`lsp: unknown option ${unknown[0]}. Usage: bulkhead lsp --stdio`);
  if (!process.argv.includes('--stdio')) process.argv.push('--stdio');
  require(path.join(__dirname, 'server.js'));
  // The connection keeps the process alive until the client closes it.
  return 0;
}
