import { parseArgs } from 'node:util';

export type Command = 'check' | 'graph' | 'help' | 'version';

export interface CliArgs {
  command: Command;
  path: string;
  config?: string;
  format?: string;
  noColor: boolean;
  quiet: boolean;
}

export class UsageError extends Error {}

export const HELP = `Usage: bulkhead <command> [path] [options]

Architecture boundaries for TypeScript: checks a workspace against its module map (bulkhead.json).

Commands:
  check [path]   Check the workspace at path (default: .) and print violations.
                 Exit code: 0 clean, 1 error-severity violations, 2 configuration or usage error.
  graph [path]   Print the module dependency graph with import counts.

Options:
  -c, --config <file>   Use this bulkhead.json instead of searching from path upwards.
  -f, --format <name>   check: text (default) | json;  graph: json (default) | dot | mermaid.
      --quiet           check: report errors only, not warnings.
      --no-color        No ANSI colours (also NO_COLOR=1).
  -h, --help            Show this help.
  -v, --version         Print the version.

Docs: docs/config.md (the module map), rules/docs/<rule>.md (each rule).
`;

export function parseCliArgs(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        config: { type: 'string', short: 'c' },
        format: { type: 'string', short: 'f' },
        quiet: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/\. To specify.*$/s, '.'));
  }
  const { values, positionals } = parsed;
  const base = { config: values.config, format: values.format, noColor: !!values['no-color'], quiet: !!values.quiet };
  if (values.help) return { command: 'help', path: '.', ...base };
  if (values.version) return { command: 'version', path: '.', ...base };
  const [command, target, ...extra] = positionals;
  if (!command) return { command: 'help', path: '.', ...base };
  if (command !== 'check' && command !== 'graph') throw new UsageError(`Unknown command "${command}". Commands: check, graph.`);
  if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}": ${command} takes one path.`);
  return { command, path: target ?? '.', ...base };
}
