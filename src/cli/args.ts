import { parseArgs } from 'node:util';

export type Command = 'check' | 'graph' | 'baseline' | 'init' | 'explain' | 'help' | 'version';

export interface CliArgs {
  command: Command;
  path: string;
  /** explain: the file, and optionally one of its import specifiers. */
  file?: string;
  specifier?: string;
  config?: string;
  format?: string;
  noColor: boolean;
  quiet: boolean;
  maxWarnings?: number;
  /** Use the persistent cache; a string is an explicit cache file. */
  cache?: boolean | string;
  /** check: compare with this baseline file (true: the default bulkhead-baseline.json). */
  baseline?: boolean | string;
  updateBaseline: boolean;
  changedSince?: string;
  /** graph, check --format markdown: what changed in the module graph since this git ref. */
  since?: string;
  /** init: write bulkhead.json instead of printing it. */
  write: boolean;
  force: boolean;
  /** init: translate this tool's configuration instead of inferring the map. */
  from?: string;
  /** init --from: a JavaScript config of the other tool may be executed to read it. */
  trust: boolean;
}

export class UsageError extends Error {}

export const HELP = `Usage: bulkhead <command> [path] [options]

Architecture boundaries for TypeScript: checks a workspace against its module map (bulkhead.json).

Commands:
  check [path]            Check the workspace at path (default: .) and print violations.
                          Exit code: 0 clean, 1 error-severity violations (or more warnings than
                          --max-warnings), 2 configuration or usage error.
  graph [path]            Print the module dependency graph with import counts (--format html:
                          a self-contained interactive page, the editor's graph view).
  baseline [path]         Record today's violations in bulkhead-baseline.json, so that
                          check --baseline fails only on new ones.
  init [path]             Infer a starting bulkhead.json from the folder structure and print it
                          (--write saves it).
  init --from <tool>      Translate another boundary tool's config instead: dependency-cruiser,
                          eslint-plugin-boundaries, sheriff or nx. Lists what it cannot translate.
  explain <file> [import] Which module a file belongs to, what it may import, and why an import
                          is or is not allowed.
  lsp --stdio             Run the language server over stdio for any LSP client (docs/editors.md).

Options:
  -c, --config <file>        Use this bulkhead.json instead of searching from path upwards.
  -f, --format <name>        check: text (default) | json | sarif | github | junit | markdown
                             | gitlab (Code Quality) | checkstyle
                             graph: json (default) | dot | mermaid | html
      --baseline             check: report only violations not in bulkhead-baseline.json (next to
                             bulkhead.json) and list the fixed ones. baseline: the file to write.
      --baseline-file <f>    Use this baseline file (implies --baseline).
      --update-baseline      check: also drop fixed violations from the baseline (never adds).
      --changed-since <ref>  check: report only for files changed since the git ref (plus cycles
                             through their modules).
      --since <ref>          graph: mark what changed since the git ref (dependencies and
                             violations added or removed; json: a "diff" section). check
                             --format markdown: add that diff as a small graph and table.
      --cache                Reuse facts of unchanged files between runs (node_modules/.cache/bulkhead).
      --cache-location <f>   Cache file to use (implies --cache).
      --max-warnings <n>     check: exit 1 when there are more than n warnings.
      --quiet                check: report errors only, not warnings.
      --no-color             No ANSI colours (also NO_COLOR=1).
      --write, --force       init: write bulkhead.json (--force overwrites an existing one).
      --from <tool>          init: read the config of dependency-cruiser, eslint-plugin-boundaries,
                             sheriff or nx (docs/adoption.md, "Coming from another tool").
      --trust                init --from dependency-cruiser: the workspace is yours, so its
                             .dependency-cruiser.js may be run (in a separate process) to read it.
  -h, --help                 Show this help.
  -v, --version              Print the version.

Docs: docs/config.md (the module map), rules/docs/<rule>.md (each rule).
`;

const COMMANDS: Command[] = ['check', 'graph', 'baseline', 'init', 'explain'];

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
        'max-warnings': { type: 'string' },
        cache: { type: 'boolean' },
        'cache-location': { type: 'string' },
        baseline: { type: 'boolean' },
        'baseline-file': { type: 'string' },
        'update-baseline': { type: 'boolean' },
        'changed-since': { type: 'string' },
        since: { type: 'string' },
        write: { type: 'boolean' },
        force: { type: 'boolean' },
        from: { type: 'string' },
        trust: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/\. To specify.*$/s, '.'));
  }
  const { values, positionals } = parsed;
  const base = {
    config: values.config,
    format: values.format,
    noColor: !!values['no-color'],
    quiet: !!values.quiet,
    maxWarnings: parseMaxWarnings(values['max-warnings']),
    cache: values['cache-location'] ?? (values.cache ? true : undefined),
    baseline: values['baseline-file'] ?? (values.baseline || values['update-baseline'] ? true : undefined),
    updateBaseline: !!values['update-baseline'],
    changedSince: values['changed-since'],
    since: values.since,
    write: !!values.write,
    force: !!values.force,
    from: values.from,
    trust: !!values.trust,
  };
  if (values.help) return { command: 'help', path: '.', ...base };
  if (values.version) return { command: 'version', path: '.', ...base };
  const [command, ...rest] = positionals;
  if (!command) return { command: 'help', path: '.', ...base };
  if (!COMMANDS.includes(command as Command)) throw new UsageError(`Unknown command "${command}". Commands: ${COMMANDS.join(', ')}.`);
  if (command === 'explain') {
    if (rest.length === 0) throw new UsageError('explain needs a file: bulkhead explain <file> [<import specifier>].');
    if (rest.length > 2) throw new UsageError(`Unexpected argument "${rest[2]}": explain takes a file and an optional import specifier.`);
    return { command: 'explain', path: rest[0], file: rest[0], specifier: rest[1], ...base };
  }
  if ((base.from !== undefined || base.trust) && command !== 'init') throw new UsageError(`--from and --trust are options of init, not of ${command}.`);
  if (base.trust && base.from === undefined) throw new UsageError('--trust only applies to init --from <tool>.');
  if (rest.length > 1) throw new UsageError(`Unexpected argument "${rest[1]}": ${command} takes one path.`);
  return { command: command as Command, path: rest[0] ?? '.', ...base };
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings needs a whole number, got "${value}".`);
  return Number(value);
}
